// The learner's progress from a page of results, with the same figures as the web app's dashboard:
// per skill the latest band (Writing from the latest Task 1 and Task 2 together, as IELTS combines
// them) and the best, an estimated overall band once every skill has one, and each skill's bands
// over time for the chart.
import { SKILLS, overallBand, skillOf, writingBand, type AssessmentSummary, type Band, type Skill } from '@ielts-genai-prep/core';

/** One skill's figures. */
export interface SkillFigures {
  skill: Skill;
  /** The latest band; for Writing (Task 1 + 2 × Task 2) / 3 when both tasks have one. Null before any. */
  latest: Band | null;
  best: Band | null;
  /** Scored results of the skill. */
  taken: number;
}

/** A band at a moment, for the chart. */
export interface BandPoint {
  assessmentId: string;
  /** When it was taken (epoch ms): its `timestamp`, the order the history lists results in. */
  at: number;
  band: Band;
}

/** The figures of the four skills, in IELTS order, and the overall band they give. */
export interface BandProgress {
  skills: SkillFigures[];
  /** The overall band of the four latest skill bands; null until each skill has one. */
  overall: Band | null;
  /** Each skill's bands, oldest first. */
  history: Record<Skill, BandPoint[]>;
}

/** What progress reads of an assessment: a history row or a whole assessment. */
export type ScoredEntry = Pick<AssessmentSummary, 'assessment_id' | 'assessment_type' | 'completed' | 'overall_band' | 'timestamp'>;

const takenAt = (assessment: ScoredEntry) => Date.parse(assessment.timestamp);

/**
 * Sums up `assessments` (in any order: they are sorted by when they were taken, as the history
 * lists them). Results not scored yet (a speaking test in progress) are left out.
 */
export function bandProgress(assessments: readonly ScoredEntry[]): BandProgress {
  const scored = assessments
    .filter((assessment): assessment is ScoredEntry & { overall_band: Band } => assessment.completed && assessment.overall_band !== null)
    .sort((a, b) => takenAt(a) - takenAt(b));
  const history = Object.fromEntries(SKILLS.map((skill) => [skill, [] as BandPoint[]])) as Record<Skill, BandPoint[]>;
  for (const assessment of scored) {
    history[skillOf(assessment.assessment_type)].push({ assessmentId: assessment.assessment_id, at: takenAt(assessment), band: assessment.overall_band });
  }
  const skills = SKILLS.map((skill): SkillFigures => {
    const points = history[skill];
    let latest = points.at(-1)?.band ?? null;
    if (skill === 'writing') {
      const newestOf = (task2: boolean) =>
        scored.filter((assessment) => skillOf(assessment.assessment_type) === 'writing' && (assessment.assessment_type === 'writing_task2') === task2).at(-1)?.overall_band;
      const task1 = newestOf(false);
      const task2 = newestOf(true);
      if (task1 !== undefined && task2 !== undefined) latest = writingBand(task1, task2);
    }
    return { skill, latest, best: points.length > 0 ? (Math.max(...points.map((point) => point.band)) as Band) : null, taken: points.length };
  });
  const latestOf = (skill: Skill) => skills.find((entry) => entry.skill === skill)?.latest ?? null;
  const [listening, reading, writing, speaking] = [latestOf('listening'), latestOf('reading'), latestOf('writing'), latestOf('speaking')];
  const overall = listening !== null && reading !== null && writing !== null && speaking !== null ? overallBand({ listening, reading, writing, speaking }) : null;
  return { skills, overall, history };
}
