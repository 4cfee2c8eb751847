#!/usr/bin/env node
// `pnpm bench` for @ielts-genai-prep/ai-evaluators, in one run:
//   1. the offline writing scorer's cross-validated accuracy and essays scored per second
//      (delegated to scripts/bench-offline.mjs);
//   2. answer-key marking throughput (reading/listening sheets per second);
//   3. for each provider-backed evaluator, the prompt's input tokens and the cost per assessment
//      at published prices (writing on Nova Micro; speaking on Gemini 2.5 Flash-Lite and Flash).
// Needs the built package (pnpm build). Options: --json (figures as JSON), --sheets N (default 5000).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as evaluators from '../dist/index.js';

const scriptsDirectory = dirname(fileURLToPath(import.meta.url));
const argumentsList = process.argv.slice(2);
const json = argumentsList.includes('--json');
const sheetsOption = argumentsList.indexOf('--sheets');
const sheetCount = sheetsOption === -1 ? 5000 : Number(argumentsList[sheetsOption + 1]);
const lines = [];
const log = (line = '') => {
  if (json) lines.push(line);
  else console.log(line);
};
const figures = {};

// 1. Offline writing scorer -----------------------------------------------------------------
log('## 1. Offline writing scorer');
log();
const offlineBench = resolve(scriptsDirectory, 'bench-offline.mjs');
if (existsSync(offlineBench)) {
  const module = await import(pathToFileURL(offlineBench).href);
  if (typeof module.benchOfflineScorer === 'function') {
    try {
      figures.offlineWriting = await module.benchOfflineScorer({ log, print: true });
    } catch (error) {
      // One failing section should not hide the others' figures.
      process.exitCode = 1;
      log(`failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  } else {
    log('not available yet: scripts/bench-offline.mjs does not export benchOfflineScorer.');
  }
} else {
  log('not available yet: scripts/bench-offline.mjs is missing.');
}
log();

// 2. Answer-key marking -----------------------------------------------------------------------
log('## 2. Reading and Listening marked by answer key');
log();
if (typeof evaluators.createAnswerKeyEvaluator === 'function') {
  figures.answerKey = benchAnswerKey(sheetCount);
} else {
  log('not available yet: createAnswerKeyEvaluator is not exported.');
}
log();

// 3. Provider-backed evaluators: prompt size and cost ----------------------------------------
log('## 3. Prompt tokens and cost per assessment at published prices');
log();
const usd = (value, digits = 6) => `$${value.toFixed(digits)}`;
const priceOf = (modelId) => evaluators.DEFAULT_PRICES?.[modelId];
log('| evaluator | model | input tokens | output tokens | cost / assessment | cost / 1,000 |');
log('|---|---|---:|---:|---:|---:|');
const notAvailable = [];
if (typeof evaluators.estimateWritingAssessmentCost === 'function') {
  const writing = evaluators.estimateWritingAssessmentCost();
  figures.writingCost = writing;
  log(
    `| Writing task 2 (${writing.essayWords}-word essay) | ${writing.modelId} | ${writing.inputTokens} | ${writing.outputTokens} | ${usd(writing.costUsd)} | ${usd(writing.costPerThousandUsd, 4)} |`,
  );
} else {
  notAvailable.push('Writing (Bedrock): not available yet — estimateWritingAssessmentCost is not exported.');
}
if (typeof evaluators.estimateSpeakingCost === 'function') {
  const speaking = evaluators.estimateSpeakingCost();
  figures.speakingCost = speaking;
  const minutes = (speaking.audioSeconds / 60).toFixed(1);
  const row = (label, call) =>
    log(
      `| ${label} | ${call.model} | ${call.textInputTokens} text + ${call.audioInputTokens} audio | ${call.outputTokens} | ${usd(call.costUsd)} | ${usd(call.costUsd * 1000, 4)} |`,
    );
  row(`Speaking, full test (${minutes} min audio)`, speaking.defaultOnly);
  row('Speaking, escalation call', speaking.escalation);
  log(
    `| Speaking, escalated test (both calls) | — | — | — | ${usd(speaking.withEscalationUsd)} | ${usd(speaking.withEscalationUsd * 1000, 4)} |`,
  );
} else {
  notAvailable.push('Speaking (Gemini): not available yet — estimateSpeakingCost is not exported.');
}
log('| Reading / Listening (answer key) | — | 0 | 0 | $0 | $0 |');
for (const line of notAvailable) log(line);
log();
const priced = ['amazon.nova-micro-v1:0', 'gemini-2.5-flash-lite', 'gemini-2.5-flash']
  .map((modelId) => [modelId, priceOf(modelId)])
  .filter(([, price]) => price)
  .map(
    ([modelId, price]) =>
      `${modelId} $${price.input}${price.audioInput ? ` text / $${price.audioInput} audio` : ''} in, $${price.output} out`,
  );
log(
  `Prices (USD per million tokens): ${priced.join('; ')}. Input tokens are estimated at about four characters a token; audio at ${evaluators.GEMINI_AUDIO_TOKENS_PER_SECOND ?? 32} tokens a second.`,
);

if (json) console.log(JSON.stringify({ ...figures, report: lines }, null, 2));

/** Marks `count` varied 40-question answer sheets and reports sheets per second. */
function benchAnswerKey(count) {
  const { key, formats, answerSets } = answerSheetCorpus();
  const evaluator = evaluators.createAnswerKeyEvaluator();
  const requests = Array.from({ length: count }, (_, index) => ({
    assessmentType: index % 3 === 0 ? 'listening' : index % 3 === 1 ? 'reading_academic' : 'reading_general_training',
    answerKey: key,
    answerFormats: formats,
    answers: answerSets[index % answerSets.length],
  }));
  // Warm up (the spelling table is built on first use), then measure.
  for (const request of requests.slice(0, 50)) evaluator.mark(request);
  const started = performance.now();
  let correct = 0;
  for (const request of requests) correct += evaluator.mark(request).raw_score;
  const seconds = (performance.now() - started) / 1000;
  const sheetsPerSecond = count / seconds;
  log(
    `Throughput: ${sheetsPerSecond.toFixed(0)} sheets/s (${(sheetsPerSecond * 40).toFixed(0)} answers/s): ${count} 40-question sheets in ${seconds.toFixed(2)} s on one core, full results with feedback and schema check.`,
  );
  log(
    `Mean raw score of the synthetic sheets: ${(correct / count).toFixed(1)}/40 (answers vary in case, spelling variety, digits vs words, over-limit, wrong family and blanks). Model cost: $0.`,
  );
  return { sheets: count, seconds, sheetsPerSecond, answersPerSecond: sheetsPerSecond * 40 };
}

/** A 40-question key of every format, and answer sheets that vary the way learners' do. */
function answerSheetCorpus() {
  const key = {};
  const formats = {
    '1-6': 'Write TRUE, FALSE or NOT GIVEN.',
    '7-13': 'Write NO MORE THAN TWO WORDS AND/OR A NUMBER.',
    '14-19': 'Choose the correct heading, i–viii.',
    '20-26': 'Write YES, NO or NOT GIVEN.',
    '27-31': 'Choose the correct letter, A, B, C or D.',
    '32-40': 'Write ONE WORD ONLY.',
  };
  const tfng = ['TRUE', 'FALSE', 'NOT GIVEN'];
  const ynng = ['YES', 'NO', 'NOT GIVEN'];
  const words = ['(the) river', 'colour / color', '1,000', 'three bedrooms', 'organised tour', 'city centre', '15 May'];
  const headings = ['iv', 'ii', 'viii', 'i', 'vi', 'iii'];
  const letters = ['B', 'D', 'A', 'C', 'B'];
  const single = ['library', 'harbour', 'grey', 'theatre', 'bridge', 'ferry', 'museum', 'travelled', 'market'];
  for (let number = 1; number <= 40; number += 1) {
    key[String(number)] =
      number <= 6
        ? tfng[number % 3]
        : number <= 13
          ? words[number - 7]
          : number <= 19
            ? headings[number - 14]
            : number <= 26
              ? ynng[number % 3]
              : number <= 31
                ? letters[number - 27]
                : single[number - 32];
  }
  const learnerForms = {
    '(the) river': ['the river', 'River', 'the big river', 'rivers'],
    'colour / color': ['COLOR', 'colour', 'colur'],
    '1,000': ['one thousand', '1000', '100'],
    'three bedrooms': ['3 bedrooms', 'three bedroom'],
    'organised tour': ['organized tour', 'organised tours'],
    'city centre': ['city center', 'the city centre'],
    '15 May': ['fifteen May', '15th May', 'May'],
    library: ['Library', 'libary'],
    harbour: ['harbor', 'harbour.'],
    grey: ['gray', 'GREY'],
    theatre: ['theater', 'theatres'],
    travelled: ['traveled', 'travel'],
  };
  const answerSets = [];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let variant = 0; variant < 200; variant += 1) {
    const answers = {};
    for (let number = 1; number <= 40; number += 1) {
      const written = key[String(number)];
      const roll = random();
      let answer;
      if (roll < 0.05) answer = '';
      else if (number <= 6)
        answer = roll < 0.6 ? written.toLowerCase() : roll < 0.7 ? ynng[Math.floor(roll * 30) % 3] : tfng[Math.floor(roll * 30) % 3];
      else if (number >= 20 && number <= 26)
        answer = roll < 0.6 ? written : roll < 0.7 ? tfng[Math.floor(roll * 30) % 3] : ynng[Math.floor(roll * 30) % 3];
      else if (number >= 14 && number <= 31)
        answer = roll < 0.6 ? written.toLowerCase() : ['A', 'B', 'C', 'D', 'E', 'ix', 'v'][Math.floor(roll * 70) % 7];
      else {
        const forms = learnerForms[written] ?? [written];
        answer = roll < 0.4 ? written.replace(/\s*\/.*$/, '').replace(/[()]/g, '') : forms[Math.floor(roll * 100) % forms.length];
      }
      answers[String(number)] = answer;
    }
    answerSets.push(answers);
  }
  return { key, formats, answerSets };
}
