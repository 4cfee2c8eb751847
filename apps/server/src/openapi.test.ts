import { validate } from '@readme/openapi-parser';
import { API_ERROR_STATUS, listRoutes, routeErrorCodes } from '@ielts-genai-prep/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi.js';

type Document = Record<string, unknown>;

/**
 * Validates an OpenAPI 3.1 document: its structure with @readme/openapi-parser, and (which that
 * parser does not do for 3.1) every schema in it as JSON Schema 2020-12 with Ajv in strict mode.
 */
async function checkOpenApi(document: Document): Promise<string[]> {
  const problems: string[] = [];
  const result = await validate(structuredClone(document) as never);
  if (!result.valid) problems.push(...(result.errors ?? []).map((error) => JSON.stringify(error)));
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  const components = ((document.components as Document | undefined)?.schemas ?? {}) as Record<string, Document>;
  ajv.addSchema({ $id: 'components', $defs: components });
  const visit = (value: unknown, where: string): void => {
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'schema' && child && typeof child === 'object') {
        const rewritten = JSON.parse(JSON.stringify(child).replaceAll('#/components/schemas/', 'components#/$defs/')) as Document;
        try {
          ajv.compile(rewritten);
        } catch (error) {
          problems.push(`${where}.schema: ${error instanceof Error ? error.message : String(error)}`);
        }
      } else {
        visit(child, `${where}.${key}`);
      }
    }
  };
  visit(document.paths, 'paths');
  return problems;
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument({ version: '1.2.3', serverUrl: 'http://localhost:3000', cookieName: 'ielts_session' });

  it('is valid OpenAPI 3.1, schemas included', async () => {
    expect(await checkOpenApi(document)).toEqual([]);
    expect(document.openapi).toBe('3.1.0');
  });

  it('the check catches a broken schema', async () => {
    const broken = {
      openapi: '3.1.0',
      info: { title: 'x', version: '1' },
      paths: {
        '/a': { get: { responses: { '200': { description: 'x', content: { 'application/json': { schema: { type: 'nonsense' } } } } } } },
      },
    };
    expect((await checkOpenApi(broken)).length).toBeGreaterThan(0);
    expect((await checkOpenApi({ openapi: '3.1.0', paths: {} })).length).toBeGreaterThan(0);
  });

  it('has every route of the contract, with its auth, body and parameters', () => {
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
    for (const { group, name, route } of listRoutes()) {
      const operation = paths[route.path.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation, `${group}.${name}`).toBeDefined();
      expect(operation?.operationId).toBe(`${group}.${name}`);
      // Its own error statuses, each listed with its codes; no catch-all.
      const statuses = [...new Set(routeErrorCodes(route).map((code) => String(API_ERROR_STATUS[code])))];
      const responses = (operation?.responses ?? {}) as Record<string, unknown>;
      expect(Object.keys(responses).sort()).toEqual([String(route.status), ...statuses].sort());
      for (const code of routeErrorCodes(route)) {
        expect(JSON.stringify(responses[String(API_ERROR_STATUS[code])]), `${group}.${name} ${code}`).toContain(`\`${code}\``);
      }
      expect(operation?.security).toEqual(route.auth === 'user' ? [{ sessionCookie: [] }, { bearerToken: [] }] : []);
      expect(Boolean(operation?.requestBody)).toBe(Boolean(route.body));
    }
    const listQuestions = paths['/api/questions']?.get;
    expect(listQuestions?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'type', in: 'query', required: true }),
        expect.objectContaining({ name: 'limit', in: 'query', required: false }),
      ]),
    );
    expect(paths['/api/assessments/{id}']?.get?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    // What clients of the new fields read from the document: a section's recording, a turn's prompt.
    const text = JSON.stringify(document);
    for (const field of ['audio_url', 'audio_duration_seconds', 'prompt_id', 'transcript_source', 'from_phase'])
      expect(text, field).toContain(`"${field}"`);
  });

  it('lists what each route can answer beyond the common errors', () => {
    const paths = document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths['/api/writing/evaluate']!.post!.responses)).toEqual(
      expect.arrayContaining(['402', '404', '409', '422', '502']),
    );
    expect(Object.keys(paths['/api/auth/login']!.post!.responses)).toContain('429');
    expect(Object.keys(paths['/health']!.get!.responses)).not.toContain('401');
  });
});
