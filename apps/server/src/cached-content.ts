import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';

/** Options for {@link cacheContent}. */
export interface ContentCacheOptions {
  /** How long an item read is used before it is read again, in ms; 0 turns the cache off. */
  ttlMs: number;
  /** Items kept at most, the oldest dropped first. Default 1000. */
  maxEntries?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
}

/**
 * The repositories with questions and rubrics read through a bounded in-memory cache. Every
 * submission reads its question and rubric, which change only when content is reseeded; an
 * instance then reads each at most once per `ttlMs`, and a change made elsewhere shows within
 * that time. Only found items are kept, so a new question shows at once. Writes through these
 * repositories empty the cache.
 */
export function cacheContent(repositories: Repositories, options: ContentCacheOptions): Repositories {
  if (options.ttlMs <= 0) return repositories;
  return {
    ...repositories,
    questions: cacheRepository(repositories.questions, { read: 'get', write: 'putMany' }, options),
    rubrics: cacheRepository(repositories.rubrics, { read: 'getByType', write: 'put' }, options),
  };
}

type RepositoryMethod = (...args: never[]) => Promise<unknown>;

/**
 * The repository with its `read` method (one key in, the item or undefined out) answered through
 * a cache of its own, and its `write` method emptying that cache before it writes.
 */
function cacheRepository<Repository extends Record<Read | Write, RepositoryMethod>, Read extends string, Write extends string>(
  repository: Repository,
  methods: { read: Read; write: Write },
  options: ContentCacheOptions,
): Repository {
  const cache = createCache(options);
  // The caller's Repository types what goes in and out; here a read takes one key, a write anything.
  const read = repository[methods.read] as unknown as (key: string) => Promise<unknown>;
  const write = repository[methods.write] as unknown as (...args: unknown[]) => Promise<unknown>;
  return {
    ...repository,
    [methods.read]: (key: string) => cache.read(key, () => read.call(repository, key)),
    async [methods.write](...args: unknown[]) {
      cache.clear();
      return write.apply(repository, args);
    },
  };
}

function createCache({ ttlMs, maxEntries = 1000, clock = Date.now }: ContentCacheOptions) {
  // A Map keeps insertion order: the first key is the oldest, dropped when the cache is full.
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  return {
    async read(key: string, load: () => Promise<unknown>): Promise<unknown> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > clock()) return entry.value;
      entries.delete(key);
      const value = await load();
      if (value === undefined) return undefined;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, expiresAt: clock() + ttlMs });
      return value;
    },
    clear: () => entries.clear(),
  };
}
