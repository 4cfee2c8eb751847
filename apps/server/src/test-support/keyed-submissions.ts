import { ApiError, createApiClient, type ApiClient } from '@ielts-genai-prep/api-client';
import { expect } from 'vitest';
import { TASK2_ESSAY } from './essays.js';
import { GOOD_PASSWORD, type TestServer } from './test-server.js';

/** One keyed writing submission's outcome, as the client saw it. */
export interface Outcome {
  key: string;
  status: number;
  retryAfter: string | null;
  assessmentId?: string;
}

/** A client with a bearer token whose fetch records each answer's status and Retry-After header. */
export function recordingClient(baseUrl: string, token: string) {
  const answers = new Map<string, { status: number; retryAfter: string | null }>();
  const client = createApiClient({
    baseUrl,
    getToken: () => token,
    retry: false,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const key = ((await request.clone().json()) as { idempotency_key?: string }).idempotency_key ?? '';
      const response = await fetch(request);
      answers.set(key, { status: response.status, retryAfter: response.headers.get('retry-after') });
      return response;
    },
  });
  return { client, answers };
}

/** Sends `TASK2_ESSAY` for `w2-001` under `key`; a refusal (an ApiError) is an outcome, not a throw. */
export async function submitEssay(recording: ReturnType<typeof recordingClient>, key: string): Promise<Outcome> {
  try {
    const assessment = await recording.client.writing.evaluate({ question_id: 'w2-001', essay: TASK2_ESSAY, idempotency_key: key });
    return { key, ...recording.answers.get(key)!, assessmentId: assessment.assessment_id };
  } catch (error) {
    if (!ApiError.isInstance(error)) throw error;
    return { key, ...recording.answers.get(key)! };
  }
}

/** Every page of the history, in order, `pageSize` at a time. */
export async function wholeHistory(client: ApiClient, pageSize = 25): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.assessments.list({ limit: pageSize, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((item) => item.assessment_id));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return ids;
}

/**
 * Signs in again (which gives back what requests that failed between counting and storing had
 * counted, with `ALLOWANCE_SETTLE_SECONDS=0`) and checks that nothing is half-written: every
 * acknowledged submission is in the history, each once; every history entry has its completed
 * item; the writing allowance used is exactly the assessments stored.
 */
export async function expectWholeRecords(server: TestServer, email: string, acknowledged: string[]): Promise<string[]> {
  const anonymous = createApiClient({ baseUrl: server.baseUrl, retry: false });
  const { token } = await anonymous.auth.login({ email, password: GOOD_PASSWORD, client: 'mobile' });
  const client = server.mobileClient(token ?? null);
  const history = await wholeHistory(client);
  expect(new Set(history).size).toBe(history.length);
  expect(acknowledged.filter((id) => !history.includes(id))).toEqual([]);
  for (const id of history) await expect(client.assessments.get({ id })).resolves.toMatchObject({ assessment_id: id, completed: true });
  const writing = (await client.entitlements.get()).entitlements.find((entry) => entry.assessment_type === 'writing_task2');
  expect(writing?.used).toBe(history.length);
  return history;
}
