import { SESSION_TOKEN_KEY, createSecureTokenStore, type SecureStoreApi } from './secure-token-store';

// The device keychain does not exist under Jest: a map with expo-secure-store's three calls stands in for it.
function keychain(): SecureStoreApi & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItemAsync: async (key) => items.get(key) ?? null,
    setItemAsync: async (key, value) => {
      items.set(key, value);
    },
    deleteItemAsync: async (key) => {
      items.delete(key);
    },
  };
}

describe('createSecureTokenStore', () => {
  it('keeps the token under its key, and forgets it', async () => {
    const secureStore = keychain();
    const store = createSecureTokenStore({ secureStore });
    expect(await store.read()).toBeNull();
    await store.write('token-abc');
    expect(secureStore.items.get(SESSION_TOKEN_KEY)).toBe('token-abc');
    expect(await store.read()).toBe('token-abc');
    await store.clear();
    expect(await store.read()).toBeNull();
    expect(secureStore.items.size).toBe(0);
  });

  it('uses the key it is given', async () => {
    const secureStore = keychain();
    await createSecureTokenStore({ secureStore, key: 'staging.session-token' }).write('token-xyz');
    expect([...secureStore.items.keys()]).toEqual(['staging.session-token']);
  });
});
