/** Where the app keeps the bearer token of the signed-in learner. */
export interface TokenStore {
  /** The stored token, or null when signed out. */
  read(): Promise<string | null>;
  write(token: string): Promise<void>;
  clear(): Promise<void>;
}

/**
 * A token store in memory: for tests, and for the web build, where the device keychain that
 * expo-secure-store uses does not exist (a reload signs the learner out).
 */
export function createMemoryTokenStore(initialToken: string | null = null): TokenStore {
  let token = initialToken;
  return {
    read: async () => token,
    write: async (value) => {
      token = value;
    },
    clear: async () => {
      token = null;
    },
  };
}
