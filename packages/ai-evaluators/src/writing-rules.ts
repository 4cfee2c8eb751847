import { MINIMAL_RESPONSE_WORDS, splitWords, type AssessmentFlag, type Band } from '@ielts-genai-prep/core';

/**
 * The IELTS rules a writing answer is checked against in code, before and after the model:
 * minimal responses, length (words copied from the task do not count), relevance to the task
 * and repetition. Each finding becomes a flag, a cap on the Task Achievement / Task Response
 * band and a note the learner can act on.
 */

/** Thresholds of the writing rules. Each is documented where it applies. */
export const WRITING_RULE_LIMITS = {
  /** A run of at least this many words found in the task prompt counts as copied. */
  copiedRunWords: 5,
  /** Copied words are flagged from this many (they never count, flagged or not)… */
  copiedFlagWords: 10,
  /** …or from this share of the answer. */
  copiedFlagShare: 0.1,
  /**
   * Task band caps by counted words ÷ minimum words: below 0.5 → 4, below 0.75 → 5, below 0.9 → 6,
   * below 1 → 7. IELTS dropped its fixed penalty; short answers are marked as under-developed.
   */
  underLengthCaps: [
    { belowRatio: 0.5, cap: 4 },
    { belowRatio: 0.75, cap: 5 },
    { belowRatio: 0.9, cap: 6 },
    { belowRatio: 1, cap: 7 },
  ],
  /** Relevance is only judged when the prompt has at least this many topic words. */
  minimumTopicWords: 3,
  /** Below this share of the prompt's topic words used, the answer is off topic (cap 4: "tangential"). */
  offTopicCoverage: 0.2,
  offTopicCap: 4,
  /** None of at least this many topic words used: "barely related" (cap 2). */
  unrelatedTopicWords: 4,
  unrelatedCap: 2,
  /** Word runs this long that occur again mark repetition. */
  repetitionRunWords: 5,
  /** Share of words inside repeated runs that counts as heavy repetition (cap 5), and as very heavy (cap 4). */
  repetitionShare: 0.2,
  repetitionCap: 5,
  heavyRepetitionShare: 0.4,
  heavyRepetitionCap: 4,
} as const;

/** What {@link checkWritingRules} found. */
export interface WritingRuleReport {
  /** Words in the answer, as IELTS counts them. */
  totalWords: number;
  /** Words inside runs copied from the task prompt. */
  copiedWords: number;
  /** Words that count toward the length: total minus copied. */
  countedWords: number;
  /** The task's minimum. */
  minimumWords: number;
  /** Share of the prompt's topic words the answer uses (its own words only); null when the prompt has too few. */
  promptCoverage: number | null;
  /** Share of the answer's own words inside repeated runs. */
  repetitionShare: number;
  /** 20 counted words or fewer: every criterion gets {@link WritingRuleReport.minimalBand}, no model is called. */
  minimal: boolean;
  /** 1 for 1–20 counted words, 0 when nothing of the candidate's own remains; null otherwise. */
  minimalBand: Band | null;
  /** Flags raised by the rules. */
  flags: AssessmentFlag[];
  /** The most the Task Achievement / Task Response band may be; null for no cap. */
  taskBandCap: Band | null;
  /** One sentence per finding, addressed to the learner. */
  notes: string[];
}

/** What {@link checkWritingRules} needs. */
export interface WritingRuleInput {
  /** The task as the candidate read it. */
  prompt: string;
  /** The answer (already normalised). */
  essay: string;
  /** The task's minimum words (150 or 250). */
  minimumWords: number;
}

// Function words and the words of standard task instructions: they say nothing about the topic.
const NON_TOPIC_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from into onto about above below over under between among through during ' +
    'before after as than then so such that this these those there here it its is are was were be been being am do does did have has ' +
    'had i me my we us our you your he him his she her they them their what which who whom whose when where why how all any both each ' +
    'few more most other others some no nor not only own same too very can could will would shall should may might must also just one ' +
    'two three many much while whereas because although though however therefore thus up down out off again further once yes ' +
    'people person think thinks believe believes say says said feel argue argued claim claimed others someone everyone agree disagree ' +
    'extent discuss both views view opinion give reasons reason relevant examples example knowledge experience own write least words ' +
    'summarise summarize information selecting reporting main features make comparisons comparison below shows show chart graph table ' +
    'diagram describe question essay letter task minutes spend dear sir madam regards yours sincerely faithfully begin should ' +
    'advantages disadvantages advantage disadvantage outweigh positive negative development better worse whether rather ' +
    'nowadays today years year way ways thing things lot lots'
  ).split(/\s+/),
);

const IRREGULAR_STEMS: Readonly<Record<string, string>> = {
  children: 'child',
  people: 'person',
  women: 'woman',
  men: 'man',
  lives: 'life',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  data: 'data',
};

function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/[\u2010\u2011]/g, '-');
}

/** A crude stem: common endings removed, then the first six letters, so "governments" meets "government". */
export function topicStem(word: string): string {
  const lower = normaliseWord(word).replace(/'s$/, '');
  const irregular = IRREGULAR_STEMS[lower];
  if (irregular) return irregular;
  let stem = lower;
  for (const [suffix, replacement] of [
    ['ies', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['sses', 'ss'],
    ['ss', 'ss'],
    ['es', ''],
    ['s', ''],
    ['ly', ''],
  ] as const) {
    if (stem.length >= suffix.length + 3 && stem.endsWith(suffix)) {
      stem = stem.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  return stem.slice(0, 6);
}

function isTopicWord(word: string): boolean {
  return word.length >= 3 && !NON_TOPIC_WORDS.has(word) && !/^\d+$/.test(word);
}

/** Marks the words of `essay` that sit inside a run of at least `runWords` words also found in `prompt`. */
export function markCopiedWords(essayWords: readonly string[], promptWords: readonly string[], runWords: number): boolean[] {
  const copied = new Array<boolean>(essayWords.length).fill(false);
  if (promptWords.length < runWords) return copied;
  const promptRuns = new Set<string>();
  for (let index = 0; index + runWords <= promptWords.length; index++) promptRuns.add(promptWords.slice(index, index + runWords).join(' '));
  for (let index = 0; index + runWords <= essayWords.length; index++) {
    if (promptRuns.has(essayWords.slice(index, index + runWords).join(' '))) copied.fill(true, index, index + runWords);
  }
  return copied;
}

/** Marks later occurrences of any run of `runWords` words that already appeared earlier without overlapping. */
export function markRepeatedWords(words: readonly string[], runWords: number): boolean[] {
  const repeated = new Array<boolean>(words.length).fill(false);
  const firstSeen = new Map<string, number>();
  for (let index = 0; index + runWords <= words.length; index++) {
    const run = words.slice(index, index + runWords).join(' ');
    const first = firstSeen.get(run);
    if (first === undefined) firstSeen.set(run, index);
    else if (index - first >= runWords) repeated.fill(true, index, index + runWords);
  }
  return repeated;
}

function underLengthCap(ratio: number): Band | null {
  for (const { belowRatio, cap } of WRITING_RULE_LIMITS.underLengthCaps) if (ratio < belowRatio) return cap;
  return null;
}

function lowerCap(current: Band | null, next: Band | null): Band | null {
  if (next === null) return current;
  return current === null ? next : Math.min(current, next);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The words of an answer as IELTS counts them for length: every word (a hyphenated word is one),
 * less the words inside runs of {@link WRITING_RULE_LIMITS.copiedRunWords} or more copied from
 * the task prompt, which do not count. Pure.
 */
export function countOwnWords(essay: string, prompt: string): { totalWords: number; copiedWords: number; countedWords: number } {
  const essayWords = splitWords(essay).map(normaliseWord);
  const copied = markCopiedWords(essayWords, splitWords(prompt).map(normaliseWord), WRITING_RULE_LIMITS.copiedRunWords);
  const copiedWords = copied.filter(Boolean).length;
  return { totalWords: essayWords.length, copiedWords, countedWords: essayWords.length - copiedWords };
}

/** Checks an answer against the writing rules. Pure. */
export function checkWritingRules(input: WritingRuleInput): WritingRuleReport {
  const limits = WRITING_RULE_LIMITS;
  const essayWords = splitWords(input.essay).map(normaliseWord);
  const promptWords = splitWords(input.prompt).map(normaliseWord);
  const copied = markCopiedWords(essayWords, promptWords, limits.copiedRunWords);
  const copiedWords = copied.filter(Boolean).length;
  const totalWords = essayWords.length;
  const countedWords = totalWords - copiedWords;
  const ownWords = essayWords.filter((_, index) => !copied[index]);
  const flags: AssessmentFlag[] = [];
  const notes: string[] = [];
  let taskBandCap: Band | null = null;

  if (copiedWords >= limits.copiedFlagWords || (totalWords > 0 && copiedWords / totalWords >= limits.copiedFlagShare)) {
    flags.push('copied_prompt');
    notes.push(`${copiedWords} words copied from the task were not counted: introduce the topic in your own words.`);
  } else if (copiedWords > 0) {
    notes.push(`${copiedWords} words copied from the task were not counted.`);
  }

  if (countedWords <= MINIMAL_RESPONSE_WORDS) {
    const minimalBand = countedWords === 0 ? 0 : 1;
    flags.push('minimal_response');
    notes.push(
      countedWords === 0
        ? 'No words of your own were found (words copied from the task do not count), so every criterion is band 0.'
        : `Only ${countedWords} words of your own were counted: an answer of ${MINIMAL_RESPONSE_WORDS} words or fewer is band 1 on every criterion. Aim for at least ${input.minimumWords} words.`,
    );
    return {
      totalWords,
      copiedWords,
      countedWords,
      minimumWords: input.minimumWords,
      promptCoverage: null,
      repetitionShare: 0,
      minimal: true,
      minimalBand,
      flags,
      taskBandCap: minimalBand,
      notes,
    };
  }

  if (countedWords < input.minimumWords) {
    flags.push('under_length');
    const cap = underLengthCap(countedWords / input.minimumWords);
    taskBandCap = lowerCap(taskBandCap, cap);
    notes.push(
      `Your answer has ${countedWords} counted words; this task needs at least ${input.minimumWords}. Short answers are under-developed, so the task band is at most ${cap}.`,
    );
  }

  const topicStems = new Set(promptWords.filter(isTopicWord).map(topicStem));
  let promptCoverage: number | null = null;
  if (topicStems.size >= limits.minimumTopicWords) {
    const essayStems = new Set(ownWords.filter(isTopicWord).map(topicStem));
    const used = [...topicStems].filter((stem) => essayStems.has(stem)).length;
    promptCoverage = used / topicStems.size;
    if (used === 0 && topicStems.size >= limits.unrelatedTopicWords) {
      flags.push('off_topic');
      taskBandCap = lowerCap(taskBandCap, limits.unrelatedCap);
      notes.push(
        `Your answer does not use any of the key words of the task, so it reads as unrelated to it: the task band is at most ${limits.unrelatedCap}. Answer the question that was set.`,
      );
    } else if (promptCoverage < limits.offTopicCoverage) {
      flags.push('off_topic');
      taskBandCap = lowerCap(taskBandCap, limits.offTopicCap);
      notes.push(
        `Your answer uses few of the task's key ideas (${percent(promptCoverage)} of its topic words), so it reads as off topic: the task band is at most ${limits.offTopicCap}. Address every part of the question.`,
      );
    }
  }

  const repeated = markRepeatedWords(ownWords, limits.repetitionRunWords);
  const repetitionShare = ownWords.length === 0 ? 0 : repeated.filter(Boolean).length / ownWords.length;
  if (repetitionShare >= limits.repetitionShare) {
    flags.push('repetition');
    const cap = repetitionShare >= limits.heavyRepetitionShare ? limits.heavyRepetitionCap : limits.repetitionCap;
    taskBandCap = lowerCap(taskBandCap, cap);
    notes.push(
      `${percent(repetitionShare)} of your words repeat phrases you already wrote, so the task band is at most ${cap}. Develop new points instead of repeating.`,
    );
  }

  return {
    totalWords,
    copiedWords,
    countedWords,
    minimumWords: input.minimumWords,
    promptCoverage,
    repetitionShare,
    minimal: false,
    minimalBand: null,
    flags,
    taskBandCap,
    notes,
  };
}
