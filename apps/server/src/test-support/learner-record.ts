import type { ApiClient } from '@ielts-genai-prep/api-client';

/** What a learner's account shows after a journey: the assessments in the history, and the allowance used by type. */
export interface LearnerRecord {
  /** The first ten assessments' ids, sorted (not in the history's order). */
  assessmentIds: string[];
  /** `[assessment type, used]` for each type used at least once, sorted by type. */
  used: Array<[string, number]>;
}

/** Reads a learner's history and allowance in a form a test can compare whole. */
export async function learnerRecord(client: ApiClient): Promise<LearnerRecord> {
  const history = await client.assessments.list({ limit: 10 });
  const { entitlements } = await client.entitlements.get();
  return {
    assessmentIds: history.items.map((item) => item.assessment_id).sort(),
    used: entitlements
      .filter((entry) => entry.used > 0)
      .map((entry): [string, number] => [entry.assessment_type, entry.used])
      .sort(([first], [second]) => first.localeCompare(second)),
  };
}
