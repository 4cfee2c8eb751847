import { SKILLS, skillOf, type Skill } from './assessment-type.js';
import type { AssessmentSummary } from './assessment.js';
import { overallBand, writingBand, type Band } from './band.js';

/** What progress reads of a result: a history row or a whole assessment. */
export type ProgressEntry = Pick<AssessmentSummary, 'assessment_id' | 'assessment_type' | 'completed' | 'overall_band' | 'timestamp'> & {
  /** When it was scored; `timestamp` (when it was started) stands in when absent. */
  completed_at?: string | null;
};

/** A band at a moment, for a chart. */
export interface BandPoint {
  /** The result that gave this point (the latest result so far, for an overall point). */
  assessmentId: string;
  /** When, in epoch milliseconds: see {@link resultTimeOf}. */
  at: number;
  band: Band;
}

/** The latest Task 1 and Task 2 bands that make up the Writing band. */
export interface WritingTasks {
  task1: Band;
  task2: Band;
}

/** One skill's figures. */
export interface SkillProgress {
  skill: Skill;
  /** The latest band; for Writing (Task 1 + 2 × Task 2) / 3 when both tasks have one. Null before any. */
  latest: Band | null;
  /** The highest band of a single result. */
  best: Band | null;
  /** Scored results of the skill. */
  taken: number;
  /** Writing only: the two task bands `latest` was combined from; null otherwise or until both exist. */
  writingTasks: WritingTasks | null;
}

/** A learner's progress: the four skills in IELTS order, the overall band they give, and both over time. */
export interface Progress {
  skills: SkillProgress[];
  /** The overall band of the four latest skill bands; null until each skill has one. */
  overall: Band | null;
  /** The unrounded mean of the four latest skill bands behind `overall` (6.375 for 6.5), null with it. */
  overallMean: number | null;
  /** Each skill's bands, one point a scored result, oldest first. */
  history: Record<Skill, BandPoint[]>;
  /** The estimated overall band after each scored result, from the first moment every skill had a band. */
  overallHistory: BandPoint[];
}

/**
 * When a result was taken, as a learner sees it: when it was scored (`completed_at`), or when it
 * was started while it has no completion time. A speaking test can run for a quarter of an hour,
 * so its start and its result differ; lists, charts and the result page all show this one time.
 */
export function resultTimeOf(entry: Pick<ProgressEntry, 'timestamp' | 'completed_at'>): string {
  return entry.completed_at ?? entry.timestamp;
}

type ScoredEntry = ProgressEntry & { overall_band: Band };

interface LatestBands {
  bands: Record<Skill, Band | null>;
  task1: Band | null;
  task2: Band | null;
}

function skillBand(latest: LatestBands, skill: Skill): Band | null {
  if (skill === 'writing' && latest.task1 !== null && latest.task2 !== null) return writingBand(latest.task1, latest.task2);
  return latest.bands[skill];
}

function overallOf(latest: LatestBands): { band: Band; mean: number } | null {
  const [listening, reading, writing, speaking] = SKILLS.map((skill) => skillBand(latest, skill));
  if (listening == null || reading == null || writing == null || speaking == null) return null;
  return { band: overallBand({ listening, reading, writing, speaking }), mean: (listening + reading + writing + speaking) / 4 };
}

/**
 * Sums up a learner's results (in any order; they are sorted by {@link resultTimeOf}). Results
 * not scored yet (a speaking test in progress) are left out. Per skill: the latest band, the best,
 * how many were taken and every band over time. Writing's latest band combines the latest Task 1
 * and Task 2 as IELTS does, (T1 + 2·T2) / 3 rounded down, and is the latest task's band until both
 * exist. The overall band is the mean of the four latest skill bands rounded to the nearest half
 * band (.25 up to .5, .75 up to the next whole band), estimated again after every result. Pure.
 */
export function summarizeProgress(entries: readonly ProgressEntry[]): Progress {
  const scored = entries
    .filter((entry): entry is ScoredEntry => entry.completed && entry.overall_band !== null)
    .map((entry) => ({ entry, at: Date.parse(resultTimeOf(entry)) }))
    .sort((left, right) => left.at - right.at);
  const history = Object.fromEntries(SKILLS.map((skill) => [skill, [] as BandPoint[]])) as Record<Skill, BandPoint[]>;
  const overallHistory: BandPoint[] = [];
  const latest: LatestBands = { bands: { listening: null, reading: null, writing: null, speaking: null }, task1: null, task2: null };
  for (const { entry, at } of scored) {
    const skill = skillOf(entry.assessment_type);
    const band = entry.overall_band;
    history[skill].push({ assessmentId: entry.assessment_id, at, band });
    latest.bands[skill] = band;
    if (skill === 'writing') {
      if (entry.assessment_type === 'writing_task2') latest.task2 = band;
      else latest.task1 = band;
    }
    const overall = overallOf(latest);
    if (overall) overallHistory.push({ assessmentId: entry.assessment_id, at, band: overall.band });
  }
  const skills = SKILLS.map((skill): SkillProgress => {
    const points = history[skill];
    return {
      skill,
      latest: skillBand(latest, skill),
      best: points.length > 0 ? Math.max(...points.map((point) => point.band)) : null,
      taken: points.length,
      writingTasks:
        skill === 'writing' && latest.task1 !== null && latest.task2 !== null ? { task1: latest.task1, task2: latest.task2 } : null,
    };
  });
  const overall = overallOf(latest);
  return { skills, overall: overall?.band ?? null, overallMean: overall?.mean ?? null, history, overallHistory };
}
