import { apiContract } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { ApiInputValidationError } from './api-client-error.js';
import { buildRequest, splitArguments } from './request-builder.js';

describe('splitArguments', () => {
  it('reads params, query and body in that order, each only when the route has it, then options', () => {
    const signal = new AbortController().signal;
    expect(splitArguments(apiContract.health.check, [{ signal }])).toEqual({
      params: undefined,
      query: undefined,
      body: undefined,
      options: { signal },
    });
    expect(splitArguments(apiContract.assessments.list, [{ cursor: 'c' }, { timeout: 5 }])).toEqual({
      params: undefined,
      query: { cursor: 'c' },
      body: undefined,
      options: { timeout: 5 },
    });
    expect(splitArguments(apiContract.speaking.submitTurn, [{ id: 'a' }, { part: 1 }])).toEqual({
      params: { id: 'a' },
      query: undefined,
      body: { part: 1 },
      options: undefined,
    });
  });
});

describe('buildRequest', () => {
  it('fills the path, serialises the query and sends the schema output', () => {
    expect(
      buildRequest('questions.list', apiContract.questions.list, {
        params: undefined,
        query: { type: 'listening', cursor: 'x y' },
        body: undefined,
      }),
    ).toEqual({
      endpoint: 'questions.list',
      method: 'GET',
      path: '/api/questions',
      searchParams: [
        ['type', 'listening'],
        ['cursor', 'x y'],
        ['limit', '20'],
      ],
      body: undefined,
    });
    expect(
      buildRequest('speaking.complete', apiContract.speaking.complete, { params: { id: 'asm:1.b' }, query: undefined, body: undefined })
        .path,
    ).toBe('/api/speaking/sessions/asm%3A1.b/complete');
    expect(
      buildRequest('reading.evaluate', apiContract.reading.evaluate, {
        params: undefined,
        query: undefined,
        body: { question_id: 'r1', answers: { '1': 'TRUE', '40': 'river' } },
      }).body,
    ).toEqual({ question_id: 'r1', answers: { '1': 'TRUE', '40': 'river' } });
  });

  it('throws ApiInputValidationError with dot-joined paths', () => {
    expect.assertions(3);
    try {
      buildRequest('reading.evaluate', apiContract.reading.evaluate, {
        params: undefined,
        query: undefined,
        body: { question_id: 'r1', answers: { '41': 'x' } },
      });
    } catch (error) {
      expect(ApiInputValidationError.isInstance(error)).toBe(true);
      expect((error as ApiInputValidationError).part).toBe('body');
      expect((error as ApiInputValidationError).details.map((detail) => detail.path)).toEqual(['answers.41']);
    }
  });
});
