import { overallBand, skillOf, writingBand, type AssessmentSummary, type Band, type Skill } from '@ielts-genai-prep/core';

/** A skill's progress across the assessments seen. */
export interface SkillProgress {
  skill: Skill;
  /** The skill's band from the latest results (writing: task 1 and task 2 combined when both exist). */
  latest: Band | null;
  best: Band | null;
  count: number;
}

/** Progress per skill and, once every skill has a band, an estimated overall band. */
export interface Progress {
  skills: SkillProgress[];
  overall: Band | null;
}

/** What progress reads of an assessment: a history row or a whole assessment. */
export type ScoredEntry = Pick<AssessmentSummary, 'assessment_type' | 'completed' | 'overall_band' | 'timestamp'>;

/**
 * Sums up completed assessments (newest first, as the history lists them): per skill the latest
 * and best band; Writing combines the latest Task 1 and Task 2 as IELTS does ((T1 + 2·T2) / 3);
 * the overall band is core's rounding of the four latest skill bands.
 */
export function summariseProgress(assessments: readonly ScoredEntry[]): Progress {
  const completed = assessments.filter((assessment) => assessment.completed && assessment.overall_band !== null);
  const skills = (['listening', 'reading', 'writing', 'speaking'] as const).map((skill): SkillProgress => {
    const ofSkill = completed.filter((assessment) => skillOf(assessment.assessment_type) === skill);
    const bands = ofSkill.map((assessment) => assessment.overall_band as Band);
    let latest: Band | null = bands[0] ?? null;
    if (skill === 'writing') {
      const task1 = ofSkill.find((assessment) => assessment.assessment_type !== 'writing_task2')?.overall_band ?? null;
      const task2 = ofSkill.find((assessment) => assessment.assessment_type === 'writing_task2')?.overall_band ?? null;
      if (task1 !== null && task2 !== null) latest = writingBand(task1, task2);
    }
    return { skill, latest, best: bands.length > 0 ? Math.max(...bands) : null, count: ofSkill.length };
  });
  const latest = Object.fromEntries(skills.map((entry) => [entry.skill, entry.latest])) as Record<Skill, Band | null>;
  const overall =
    latest.listening !== null && latest.reading !== null && latest.writing !== null && latest.speaking !== null
      ? overallBand({ listening: latest.listening, reading: latest.reading, writing: latest.writing, speaking: latest.speaking })
      : null;
  return { skills, overall };
}
