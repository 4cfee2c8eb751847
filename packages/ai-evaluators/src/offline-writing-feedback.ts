import type { WritingFeatures } from './text-features.js';
import type { WritingCriterionGroup, WritingTask } from './offline-writing-model.js';

/** What the feedback rules need to know about an answer. */
export interface WritingFeedbackInput {
  /** Task 1 or task 2. */
  task: WritingTask;
  /** The task's minimum word count. */
  minimumWords: number;
  /** Whether the task prompt was given (the prompt checks are skipped without it). */
  hasPrompt: boolean;
  /** Whether the prompt asks for the writer's opinion ("agree or disagree", "your opinion"). */
  promptAsksOpinion: boolean;
  /** The measured features of the answer. */
  features: WritingFeatures;
}

// Thresholds below come from the calibration data: roughly where band 5 essays sit while band
// 7 essays do not (see OFFLINE-SCORER.md). They choose advice; they do not change the bands.
const CONNECTOR_SUGGESTIONS: Readonly<Record<string, string>> = {
  addition: '"moreover", "in addition"',
  contrast: '"however", "in contrast", "whereas"',
  cause: '"as a result", "consequently", "therefore"',
  example: '"for instance", "such as"',
  sequence: '"firstly", "subsequently", "finally"',
  comparison: '"similarly", "compared with"',
  summary: '"overall", "in conclusion"',
};

const COMPLEX_STRUCTURES: ReadonlyArray<{ words: readonly string[]; example: string }> = [
  { words: ['which', 'who', 'whom', 'whose'], example: 'relative clauses ("which", "who")' },
  { words: ['if', 'unless'], example: 'conditionals ("if …")' },
  { words: ['although', 'though', 'whereas', 'while', 'whilst'], example: 'concession ("although …")' },
  { words: ['because', 'since'], example: 'reasons ("because …")' },
];

/**
 * Feedback sentences a learner can act on, per criterion group: what to change when a feature
 * points at a weakness, and what already works otherwise. Pure.
 */
export function buildWritingFeedback(input: WritingFeedbackInput): Record<WritingCriterionGroup, string[]> {
  const { task, minimumWords, features } = input;
  const values = features.values;
  const taskName = task === 'task1' ? 'Task 1' : 'Task 2';
  const feedback: Record<WritingCriterionGroup, string[]> = { task: [], coherence: [], lexical: [], grammar: [] };

  // Task achievement / response.
  if (features.wordCount < minimumWords) {
    feedback.task.push(
      `Your answer has ${features.wordCount} words; ${taskName} needs at least ${minimumWords}. Short answers are marked as under-developed: ` +
        (task === 'task1'
          ? 'describe every main feature and support it with figures.'
          : 'develop each main idea with an explanation and an example.'),
    );
  } else {
    feedback.task.push(`At ${features.wordCount} words your answer meets the ${minimumWords}-word minimum.`);
  }
  if (values.prompt_copy_share > 0.15) {
    feedback.task.push(
      'Parts of your answer repeat the question word for word. Copied words do not count: paraphrase the question in your own words.',
    );
  }
  if (task === 'task1') {
    if (values.overview_marker === 0)
      feedback.task.push('Add an overview: a sentence such as "Overall, …" that states the main trends or the biggest differences.');
    if (values.number_rate < 2)
      feedback.task.push('Support your description with figures from the visual, e.g. "rose from 20% to 35% between 2000 and 2010".');
    if (values.opinion_marker === 1 || values.first_person_rate > 0.5)
      feedback.task.push('Task 1 is a report: leave out personal opinions and "I".');
  } else {
    if (input.promptAsksOpinion && features.positionStatement === undefined) {
      feedback.task.push(
        'The question asks for your view, and no sentence states it: state your position in the introduction and keep to it, e.g. "I firmly believe that …".',
      );
    } else if (input.promptAsksOpinion) {
      feedback.task.push(`Your position is stated ("${features.positionStatement}"); make sure every body paragraph supports it.`);
    }
    if (values.conclusion_marker === 0)
      feedback.task.push('End with a conclusion that sums up your answer to the question, e.g. "In conclusion, …".');
  }

  // Coherence and cohesion.
  if (features.paragraphCount <= 1 && features.wordCount >= 60) {
    feedback.coherence.push(
      'Your answer is one block of text: divide it into paragraphs, an introduction, body paragraphs with one main idea each, and a conclusion.',
    );
  } else if (features.paragraphCount > 7) {
    feedback.coherence.push(
      `Your answer has ${features.paragraphCount} paragraphs; join very short ones so that each paragraph develops one main idea.`,
    );
  }
  const varietyThreshold = task === 'task1' ? 4 : 7;
  if (values.connector_variety < varietyThreshold) {
    const used = new Set(features.connectorCategories);
    // One example from each of up to four functions the answer does not use yet.
    const missing = Object.entries(CONNECTOR_SUGGESTIONS)
      .filter(([category]) => !used.has(category))
      .slice(0, 4)
      .map(([category, examples]) => `${category} (${examples.split(', ')[0] as string})`);
    const usedList = features.connectorsUsed
      .slice(0, 5)
      .map((phrase) => `"${phrase}"`)
      .join(', ');
    const opening = usedList ? `You link ideas with ${usedList}. ` : 'No linking words were found. ';
    feedback.coherence.push(
      missing.length > 0
        ? `${opening}Link ideas with a wider range of cohesive devices, for functions you do not use yet: ${missing.join(', ')}.`
        : `${opening}Use more of them, and vary them within each function.`,
    );
  }
  if (values.sentence_initial_connector_share > 0.55) {
    feedback.coherence.push(
      'Many sentences start with a linking word, which sounds mechanical: also link ideas with reference words ("this trend", "such policies").',
    );
  }
  if (feedback.coherence.length === 0) {
    const sample = features.connectorsUsed
      .slice(0, 4)
      .map((phrase) => `"${phrase}"`)
      .join(', ');
    feedback.coherence.push(
      `Your answer is paragraphed and uses a range of linking words${sample ? ` (${sample})` : ''}; keep each paragraph to one clear main idea.`,
    );
  }

  // Lexical resource.
  const misspelt = features.spellingErrors;
  if (misspelt.length > 0) {
    const examples = [...new Map(misspelt.map((error) => [error.word.toLowerCase(), error])).values()]
      .slice(0, 4)
      .map((error) => (error.suggestion ? `"${error.word}" (${error.suggestion})` : `"${error.word}"`))
      .join(', ');
    feedback.lexical.push(
      `${misspelt.length} possible spelling ${misspelt.length === 1 ? 'mistake was' : 'mistakes were'} found, e.g. ${examples}. ` +
        (misspelt.length >= 3 && values.spelling_error_rate > 1
          ? 'Frequent spelling mistakes lower this band: check every word before you finish.'
          : 'Proofread to catch the rest.'),
    );
  }
  const repeated = features.mostRepeatedWords.filter((entry) => entry.count >= 5);
  if (values.mattr < (task === 'task1' ? 0.68 : 0.78) && repeated.length > 0) {
    const words = repeated
      .slice(0, 3)
      .map((entry) => `"${entry.word}" ×${entry.count}`)
      .join(', ');
    feedback.lexical.push(`Some words are repeated often (${words}): use synonyms, pronouns or paraphrase.`);
  }
  const generalWords = features.generalWordsUsed.filter((entry) => entry.count >= 2);
  if (values.common_word_share > (task === 'task1' ? 0.78 : 0.8)) {
    feedback.lexical.push(
      task === 'task1'
        ? 'Use more precise vocabulary for trends and comparisons, e.g. "surged", "plateaued", "a marginal decline", "accounted for".'
        : generalWords.length > 0
          ? `Use more precise, less common vocabulary and collocations on the topic instead of general words such as ${generalWords
              .slice(0, 3)
              .map((entry) => `"${entry.word}" ×${entry.count}`)
              .join(', ')}.`
          : 'Most of your words are among the commonest in English: use more precise, less common vocabulary and collocations on the topic.',
    );
  }
  if (feedback.lexical.length === 0)
    feedback.lexical.push('Your vocabulary is varied and accurately spelt; keep using precise, topic-specific words.');

  // Grammatical range and accuracy.
  if (values.capitalisation_error_rate > 0)
    feedback.grammar.push('Start every sentence with a capital letter, and write "I" as a capital.');
  if (features.grammarSlips.length > 0) {
    const examples = [...new Map(features.grammarSlips.map((slip) => [slip.quote.toLowerCase(), slip])).values()]
      .slice(0, 3)
      .map((slip) => `"${slip.quote}" → "${slip.suggestion}"`)
      .join(', ');
    const count = features.grammarSlips.length;
    feedback.grammar.push(`${count} grammar ${count === 1 ? 'slip was' : 'slips were'} found. Check these: ${examples}.`);
  }
  if (values.long_sentence_share > 0.25) {
    feedback.grammar.push('Several sentences run past 35 words; split them or punctuate them so each clause is clear.');
  } else if (values.mean_sentence_words < 14 || values.subordinator_rate < 0.4) {
    // Suggest only the structures this answer does not use yet.
    const used = new Set(features.complexStructureWords);
    const missing = COMPLEX_STRUCTURES.filter((structure) => !structure.words.some((word) => used.has(word))).map(
      (structure) => structure.example,
    );
    const usedList = features.complexStructureWords
      .slice(0, 5)
      .map((word) => `"${word}"`)
      .join(', ');
    if (missing.length > 0) {
      feedback.grammar.push(`${usedList ? `You use ${usedList}; also use` : 'Use more complex sentences:'} ${missing.join(', ')}.`);
    } else {
      feedback.grammar.push(
        `You use complex structures (${usedList}), but in few sentences: combine more of your short sentences with them.`,
      );
    }
  }
  if (values.spacing_error_rate > 0.6) feedback.grammar.push('Put a space after commas and full stops, and none before them.');
  if (feedback.grammar.length === 0) {
    feedback.grammar.push('Your sentences mix simple and complex structures with few slips; keep checking verb forms and articles.');
  }
  return feedback;
}

/** True when a prompt asks for the writer's own view. */
export function promptAsksOpinion(prompt: string): boolean {
  return /\b(agree|disagree|your (own )?(opinion|view)|what do you think|do you think|to what extent|is this a positive or negative|outweigh)\b/i.test(
    prompt,
  );
}
