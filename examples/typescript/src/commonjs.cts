// The CommonJS declarations (`dist/*.d.cts`), which a `require` resolves to under node16: the same
// exact types as the ES module ones, checked the same way. Only tsconfig.json checks this file (the
// bundler configuration has no CommonJS).
import core = require('@ielts-genai-prep/core');
import rules = require('@ielts-genai-prep/core/rules');
import apiClient = require('@ielts-genai-prep/api-client');
import dal = require('@ielts-genai-prep/dal-dynamodb');
import local = require('@ielts-genai-prep/dal-dynamodb/local');
import evaluators = require('@ielts-genai-prep/ai-evaluators');
import offlineFit = require('@ielts-genai-prep/ai-evaluators/offline-fit');

type Equal<Actual, Expected> = (<T>() => T extends Actual ? 1 : 2) extends <T>() => T extends Expected ? 1 : 2 ? true : false;
const expectType =
  <Expected,>() =>
  <Actual,>(_value: Actual & (Equal<Actual, Expected> extends true ? unknown : never)): void => {};

async function checkCommonJsDeclarations(): Promise<void> {
  expectType<core.AssessmentType>()(core.assessmentTypeSchema.parse('writing_task2'));
  expectType<number>()(rules.overallBand({ listening: 6.5, reading: 6.5, writing: 5, speaking: 7 }));
  // @ts-expect-error: not an IELTS skill
  rules.rawScoreToBand('writing', 30);

  const client = apiClient.createApiClient({ baseUrl: 'http://localhost:3000', credentials: 'omit' });
  expectType<'ok'>()((await client.health.check()).status);
  // @ts-expect-error: not a credentials mode
  apiClient.createApiClient({ baseUrl: 'http://localhost:3000', credentials: 'always' });

  const store: local.EmbeddedDynamo = await local.startEmbeddedDynamo({});
  const repositories: dal.Repositories = dal.createRepositories({ documentClient: store.documentClient, cursorSecret: 'x'.repeat(32) });
  expectType<core.User | undefined>()(await repositories.users.get('ada@example.com'));

  const result = await evaluators
    .createOfflineWritingScorer()
    .evaluate({ assessmentType: 'writing_task2', prompt: 'A prompt.', essay: 'An essay.' });
  expectType<core.AssessmentResult>()(result);
  expectType<string>()(offlineFit.normalizeStoredText('text'));
}
module.exports = { checkCommonJsDeclarations };
