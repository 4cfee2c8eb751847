// A browser app: bands from core's zod-free rules, the API through the typed client.
import { ApiNetworkError, createApiClient } from '@ielts-genai-prep/api-client';
import { assessmentTypeSchema } from '@ielts-genai-prep/core';
import { overallBand } from '@ielts-genai-prep/core/rules';

const band = overallBand({ listening: 6.5, reading: 6.5, writing: 5, speaking: 7 });
document.querySelector('#band').textContent = `Overall band ${band} (${assessmentTypeSchema.options.length} assessment types)`;

const client = createApiClient({ baseUrl: '/' });
client.health
  .check()
  .then((health) => {
    document.querySelector('#health').textContent = `API ${health.version}`;
  })
  .catch((error) => {
    document.querySelector('#health').textContent = error instanceof ApiNetworkError ? 'API unreachable' : String(error);
  });
