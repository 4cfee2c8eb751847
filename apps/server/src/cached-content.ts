import type { AssessmentType, Question, Rubric } from '@ielts-genai-prep/core';
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
  const questions = createCache<Question>(options);
  const rubrics = createCache<Rubric>(options);
  const { questions: questionRepository, rubrics: rubricRepository } = repositories;
  return {
    ...repositories,
    questions: {
      ...questionRepository,
      get: (questionId: string) => questions.read(questionId, () => questionRepository.get(questionId)),
      async putMany(input) {
        questions.clear();
        return questionRepository.putMany(input);
      },
    },
    rubrics: {
      ...rubricRepository,
      getByType: (assessmentType: AssessmentType) => rubrics.read(assessmentType, () => rubricRepository.getByType(assessmentType)),
      async put(input) {
        rubrics.clear();
        return rubricRepository.put(input);
      },
    },
  };
}

function createCache<Value>({ ttlMs, maxEntries = 1000, clock = Date.now }: ContentCacheOptions) {
  // A Map keeps insertion order: the first key is the oldest, dropped when the cache is full.
  const entries = new Map<string, { value: Value; expiresAt: number }>();
  return {
    async read(key: string, load: () => Promise<Value | undefined>): Promise<Value | undefined> {
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
