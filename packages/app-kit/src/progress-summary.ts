import { SKILLS, SKILL_NAMES, formatBand, type Progress, type SkillProgress } from '@ielts-genai-prep/core';

/** How many of the latest results a history page works progress out from: one page of the API's largest size. */
export const PROGRESS_RESULTS = 50;

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function formatMean(mean: number): string {
  return Number(mean.toFixed(3)).toString();
}

/**
 * One sentence on where the estimated overall band comes from: the four latest skill bands, their
 * average and the IELTS rounding; or, before every skill has a band, which tests are still needed.
 */
export function overallBandExplanation(progress: Progress): string {
  if (progress.overall === null || progress.overallMean === null) {
    const missing = progress.skills.filter((entry) => entry.latest === null).map((entry) => SKILL_NAMES[entry.skill]);
    return `Take ${listInWords(missing.map((name, index) => (index === 0 ? `a ${name}` : name)))} test to see your estimated overall band: it needs a band in all four skills.`;
  }
  const bands = SKILLS.map(
    (skill) => `${SKILL_NAMES[skill]} ${formatBand(progress.skills.find((entry) => entry.skill === skill)?.latest)}`,
  );
  if (progress.overallMean === progress.overall)
    return `Your latest bands, ${listInWords(bands)}, average ${formatBand(progress.overall)}: your estimated overall band.`;
  return `Your latest bands, ${listInWords(bands)}, average ${formatMean(progress.overallMean)}, which IELTS rounds to the nearest half band (a quarter rounds up) to give ${formatBand(progress.overall)}.`;
}

/** What a skill's figures mean, in words: where its band comes from, the best single result and how many were taken. */
export function skillProgressWords(entry: SkillProgress): string {
  if (entry.taken === 0) return 'No results yet.';
  const tests = entry.taken === 1 ? '1 result' : `${entry.taken} results`;
  const source = entry.writingTasks
    ? `Task 1 (${formatBand(entry.writingTasks.task1)}) and Task 2 (${formatBand(entry.writingTasks.task2)}) combined, Task 2 counting twice`
    : entry.skill === 'writing'
      ? 'From your latest task; take both tasks for a Writing band'
      : 'From your latest result';
  return `${source}. Best single result ${formatBand(entry.best)}, from ${tests}.`;
}
