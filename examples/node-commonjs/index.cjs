// The four packages through require(), as a CommonJS app installed from npm uses them. Exits
// non-zero (an assertion fails) when one of them does not behave as its README says.
const assert = require('node:assert/strict');
const { createOfflineWritingScorer } = require('@ielts-genai-prep/ai-evaluators');
const { fitRidge } = require('@ielts-genai-prep/ai-evaluators/offline-fit');
const { ApiError, createApiClient } = require('@ielts-genai-prep/api-client');
const { publicUserSchema } = require('@ielts-genai-prep/core');
const { CoreError, meanBand, roundToHalfBand } = require('@ielts-genai-prep/core/rules');
const { TABLE_KEYS, createRepositories } = require('@ielts-genai-prep/dal-dynamodb');
const { startEmbeddedDynamo } = require('@ielts-genai-prep/dal-dynamodb/local');

async function main() {
  // core: the rules without zod, and the schemas.
  assert.equal(roundToHalfBand(6.25), 6.5);
  assert.equal(meanBand([6, 6.5, 7, 7]), 6.5);
  assert.throws(
    () => roundToHalfBand(9.7),
    (error) => CoreError.isInstance(error) && error.code === 'invalid_band',
  );
  assert.equal(publicUserSchema.safeParse({ email: 'ada@example.com' }).success, false);
  console.log('core: rules and schemas');

  // api-client with an injected fetch: no server at all.
  const requests = [];
  const client = createApiClient({
    baseUrl: 'https://api.example.test',
    getToken: () => 'token-from-secure-storage',
    fetch: async (request) => {
      requests.push(request);
      const status = new URL(request.url).pathname === '/health' ? 200 : 404;
      const body =
        status === 200
          ? { status: 'ok', version: '1.0.0', time: new Date().toISOString() }
          : { error: { code: 'not_found', message: 'No such assessment.', details: [] } };
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  });
  assert.equal((await client.health.check()).version, '1.0.0');
  await assert.rejects(client.assessments.get({ id: 'asm_missing' }), (error) => error instanceof ApiError && error.status === 404);
  assert.equal(requests[1].headers.get('authorization'), 'Bearer token-from-secure-storage');
  console.log('api-client: calls through an injected fetch, bearer token sent');

  // dal-dynamodb on the embedded store, from the ./local subpath.
  const dynamo = await startEmbeddedDynamo({});
  try {
    assert.deepEqual(dynamo.tables.map((result) => result.table).sort(), [...TABLE_KEYS].sort());
    const db = createRepositories({ documentClient: dynamo.documentClient, cursorSecret: 'example-secret-example-secret' });
    const consumed = await db.rateLimits.consume('example:ada', { limit: 1, windowSeconds: 60 });
    const refused = await db.rateLimits.consume('example:ada', { limit: 1, windowSeconds: 60 });
    assert.equal(consumed.consumed, true);
    assert.equal(refused.consumed, false);
  } finally {
    await dynamo.close();
  }
  console.log('dal-dynamodb: a rate limit counted on the embedded store');

  // ai-evaluators: the offline writing scorer, and the fitting subpath.
  const scorer = createOfflineWritingScorer();
  const short = await scorer.evaluate({ assessmentType: 'writing_task2', essay: 'Too short to score.' });
  assert.equal(short.overall_band, 1);
  assert.equal(typeof fitRidge, 'function');
  console.log(`ai-evaluators: a 4-word answer is band ${short.overall_band}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
