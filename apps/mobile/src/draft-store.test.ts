import { createFileDraftStore, createStorageDraftStore, draftFileName } from './draft-store';
import { fakeFiles } from './test-support/fake-expo-file-system';

it('keeps drafts as files in the document directory, and reads a damaged one as none', async () => {
  const store = createFileDraftStore();
  expect(await store.read('writing:u1:w2-001')).toBeNull();
  await store.write('writing:u1:w2-001', { essay: 'First lines', started_at: 1 });
  await store.write('writing:u1:w2-001', { essay: 'First lines, then more', started_at: 1 });
  expect(await store.read('writing:u1:w2-001')).toEqual({ essay: 'First lines, then more', started_at: 1 });
  expect([...fakeFiles.keys()]).toEqual([`file:///data/user/0/app/files/${draftFileName('writing:u1:w2-001')}`]);
  expect(draftFileName('writing:u1:w2-001')).toBe('draft-writing_u1_w2-001.json');

  fakeFiles.set([...fakeFiles.keys()][0]!, new Uint8Array(Buffer.from('{"essay": "cut off')));
  expect(await store.read('writing:u1:w2-001')).toBeNull();
  await store.remove('writing:u1:w2-001');
  expect(fakeFiles.size).toBe(0);
  await store.remove('writing:u1:w2-001');
});

it('keeps drafts in web storage, and loses them quietly when the storage refuses', async () => {
  const values = new Map<string, string>();
  const storage = {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
  const store = createStorageDraftStore(storage);
  await store.write('k', { essay: 'x' });
  expect(await store.read('k')).toEqual({ essay: 'x' });
  await store.remove('k');
  expect(await store.read('k')).toBeNull();

  const full = createStorageDraftStore({
    getItem: () => {
      throw new Error('denied');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
    removeItem: () => undefined,
  });
  await expect(full.write('k', { essay: 'x' })).resolves.toBeUndefined();
  expect(await full.read('k')).toBeNull();
  expect(await createStorageDraftStore(null).read('k')).toBeNull();
});
