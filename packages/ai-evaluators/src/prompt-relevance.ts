import type { Lexicon } from './spelling-lexicon.js';
import { PROMPT_INSTRUCTION_WORDS, STOPWORDS, stem, tokenizeWords } from './text-features.js';
import type { WritingTask } from './offline-writing-model.js';

/** How closely an answer keeps to its prompt's topic. */
export interface PromptRelevance {
  /** `coverage + 2 × density`: about 1 for an answer on its topic, below the task's threshold for an answer to another question. */
  score: number;
  /** Share of the prompt's topic words the answer uses, each weighted by how rare it is (a rare word says more about the topic). */
  coverage: number;
  /** Share of the answer's content words that are topic words of the prompt. */
  density: number;
  /** The prompt's topic words, as written in the prompt. */
  topicWords: string[];
  /** The topic words the answer uses. */
  usedTopicWords: string[];
  /** The topic words the answer never uses. */
  missingTopicWords: string[];
}

/**
 * Below these scores an answer is treated as answering another question. Chosen with a swap
 * test on the calibration essays (each scored against a randomly drawn other prompt, see the
 * bench, on its 300 essays per task): task 2 flags 95% of swapped answers and 2.3% of answers to
 * their own prompt; task 1 91% and 4.3% (reports of different charts share many words such as
 * "percentage"). On the other 342 task 1 essays, which the choice did not see: 91% and 2.3%.
 */
export const OFF_TOPIC_THRESHOLDS: Readonly<Record<WritingTask, number>> = { task1: 0.34, task2: 0.45 };

// Rarer words name the topic; the commonest ("life", "work") appear in answers to any prompt.
function topicWeight(word: string, lexicon: Lexicon): number {
  const level = lexicon.levelOf(word);
  if (level === undefined) return 3;
  if (level <= 10) return 0.5;
  if (level <= 20) return 1;
  if (level <= 35) return 2;
  return 3;
}

/** Measures how closely `essay` keeps to the topic of `prompt`. An empty prompt gives a score of 0 and no topic words. */
export function measurePromptRelevance(input: { essay: string; prompt: string; lexicon: Lexicon }): PromptRelevance {
  const topic = new Map<string, { word: string; weight: number }>();
  for (const word of tokenizeWords(input.prompt)) {
    if (word.length <= 2 || STOPWORDS.has(word) || PROMPT_INSTRUCTION_WORDS.has(word) || word.includes("'")) continue;
    const key = stem(word);
    const weight = topicWeight(word, input.lexicon);
    const existing = topic.get(key);
    if (existing === undefined || existing.weight < weight) topic.set(key, { word: existing?.word ?? word, weight });
  }
  const essayWords = tokenizeWords(input.essay);
  const essayStems = new Set(essayWords.map(stem));
  let total = 0;
  let used = 0;
  const usedTopicWords: string[] = [];
  const missingTopicWords: string[] = [];
  for (const [key, { word, weight }] of topic) {
    total += weight;
    if (essayStems.has(key)) {
      used += weight;
      usedTopicWords.push(word);
    } else {
      missingTopicWords.push(word);
    }
  }
  const contentWords = essayWords.filter((word) => word.length > 2 && !STOPWORDS.has(word) && !PROMPT_INSTRUCTION_WORDS.has(word));
  const density = contentWords.length === 0 ? 0 : contentWords.filter((word) => topic.has(stem(word))).length / contentWords.length;
  const coverage = total === 0 ? 0 : used / total;
  return {
    score: coverage + 2 * density,
    coverage,
    density,
    topicWords: [...topic.values()].map((entry) => entry.word),
    usedTopicWords,
    missingTopicWords,
  };
}
