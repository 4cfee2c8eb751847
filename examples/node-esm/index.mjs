// The four packages from an ES module, as an app installed from npm uses them. Exits non-zero
// (an assertion fails) when one of them does not behave as its README says.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createOfflineWritingScorer } from '@ielts-genai-prep/ai-evaluators';
import { ApiError, ApiInputValidationError, createApiClient } from '@ielts-genai-prep/api-client';
import { assessmentResultSchema, assessmentTypeSchema, userSchema } from '@ielts-genai-prep/core';
import { overallBand, rawScoreToBand, writingBand } from '@ielts-genai-prep/core/rules';
import { createRepositories } from '@ielts-genai-prep/dal-dynamodb';
import { startEmbeddedDynamo } from '@ielts-genai-prep/dal-dynamodb/local';

// core: the rules without zod, and the schemas.
assert.equal(overallBand({ listening: 6.5, reading: 6.5, writing: 5, speaking: 7 }), 6.5);
assert.equal(writingBand(6, 7), 6.5);
assert.equal(rawScoreToBand('listening', 30), 7);
assert.equal(assessmentTypeSchema.parse('writing_task2'), 'writing_task2');
assert.equal(assessmentTypeSchema.safeParse('writing_task3').success, false);
console.log('core: rules and schemas');

// api-client against a tiny local server speaking the contract.
const server = createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  if (request.url === '/health') {
    response.end(JSON.stringify({ status: 'ok', version: '1.0.0', time: new Date().toISOString() }));
  } else {
    response.statusCode = 401;
    response.end(JSON.stringify({ error: { code: 'unauthorized', message: 'Sign in first.', details: [] } }));
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
try {
  const client = createApiClient({ baseUrl: `http://127.0.0.1:${server.address().port}` });
  assert.equal((await client.health.check()).status, 'ok');
  await assert.rejects(client.auth.me(), (error) => error instanceof ApiError && error.code === 'unauthorized');
  await assert.rejects(client.auth.login({ email: 'not an email', password: 'x' }), ApiInputValidationError);
} finally {
  server.close();
}
console.log('api-client: a call, an error envelope, input checked before sending');

// dal-dynamodb on the embedded store (in memory), from the ./local subpath.
const dynamo = await startEmbeddedDynamo({});
try {
  const db = createRepositories({ documentClient: dynamo.documentClient, cursorSecret: 'example-secret-example-secret' });
  const created = await db.users.create({
    email: 'ada@example.com',
    user_id: '3f1c2a9e-7b4d-4e21-9a55-0c8d2f6b1e77',
    display_name: 'Ada',
    created_at: '2026-11-25T10:00:00.000Z',
    password_hash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
  });
  const read = await db.users.get('ada@example.com');
  assert.equal(userSchema.parse(read).user_id, created.user_id);
} finally {
  await dynamo.close();
}
console.log('dal-dynamodb: a user stored and read on the embedded store');

// ai-evaluators: the offline writing scorer, no network.
const essay = `Some people believe that children should learn a foreign language at primary school, while others think it is better to wait until secondary school. In my opinion, starting early brings clear benefits, although it also has some costs.

On the one hand, young children pick up pronunciation easily and are not afraid of making mistakes. For example, pupils who sing songs in English every week often speak with more confidence than teenagers who start later. Moreover, an early start gives them more years of practice before important exams.

On the other hand, primary schools may not have enough qualified teachers, and lessons taught badly can make children dislike the subject. Time spent on a second language is also time taken from reading and mathematics.

In conclusion, I believe the advantages outweigh the disadvantages, provided that schools train their teachers well and keep the lessons playful.`;
const scorer = createOfflineWritingScorer();
const result = await scorer.evaluate({
  assessmentType: 'writing_task2',
  prompt:
    'Some people think children should start learning a foreign language at primary school. Discuss both views and give your opinion.',
  essay,
});
assessmentResultSchema.parse(result);
assert.ok(result.overall_band >= 4 && result.overall_band <= 9, `band ${result.overall_band}`);
assert.equal(result.provenance.provider, 'offline');
console.log(`ai-evaluators: offline writing band ${result.overall_band}`);
