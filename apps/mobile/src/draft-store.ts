import { File, Paths, type Directory } from 'expo-file-system';

/**
 * Where unfinished answers are kept, so an essay survives the app being closed or killed. Values
 * are JSON; whoever reads one checks it with a schema.
 */
export interface DraftStore {
  /** The value saved under `key`, or null when there is none (or it cannot be read). */
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A key as a file name: letters, digits, `-` and `_` only. */
export function draftFileName(key: string): string {
  return `draft-${key.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

function parse(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Drafts as files in the app's document directory (`expo-file-system`): private to the app, kept
 * across restarts and updates, removed with the app. Not for the web build, which has no files.
 */
export function createFileDraftStore(directory: Directory = Paths.document): DraftStore {
  const fileOf = (key: string) => new File(directory, draftFileName(key));
  return {
    async read(key) {
      const file = fileOf(key);
      if (!file.exists) return null;
      try {
        return parse(await file.text());
      } catch {
        return null;
      }
    },
    async write(key, value) {
      const file = fileOf(key);
      if (!file.exists) file.create();
      await file.write(JSON.stringify(value));
    },
    async remove(key) {
      const file = fileOf(key);
      if (file.exists) file.delete();
    },
  };
}

/** The part of the Web Storage API a draft store needs. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Drafts in a key-value storage: `localStorage` in the web build. Storage that is full or switched
 * off loses drafts quietly rather than breaking typing.
 */
export function createStorageDraftStore(storage: KeyValueStorage | null): DraftStore {
  const prefix = 'ielts-genai-prep.';
  return {
    async read(key) {
      try {
        return parse(storage?.getItem(prefix + draftFileName(key)));
      } catch {
        return null;
      }
    },
    async write(key, value) {
      try {
        storage?.setItem(prefix + draftFileName(key), JSON.stringify(value));
      } catch {
        // Full or unavailable: the draft is not kept.
      }
    },
    async remove(key) {
      try {
        storage?.removeItem(prefix + draftFileName(key));
      } catch {
        // Nothing to remove.
      }
    },
  };
}

/** Drafts in memory: a store that forgets on restart, for screens tested apart from the app. */
export function createMemoryDraftStore(): DraftStore {
  const values = new Map<string, string>();
  return {
    read: async (key) => parse(values.get(key)),
    write: async (key, value) => {
      values.set(key, JSON.stringify(value));
    },
    remove: async (key) => {
      values.delete(key);
    },
  };
}
