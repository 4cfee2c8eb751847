// A wire-level stand-in for the reference server, on 127.0.0.1, kept only for what the real server
// (reference-server.ts) cannot take part in: speaking tests under Jest's fake clock, and a server
// whose scorer transcribes recordings (see speaking-timing.test.tsx). It has the routes of core's
// `apiContract` that a speaking test reaches from sign-in, request checks with the contract's
// schemas, bearer-token sessions, the speaking workflow (stand-in-speaking-tests.ts, on Jest's
// clock) scored deterministically. Every answer is checked against the contract's response schema
// before it is sent, so the app is tested against responses the real server could give. It
// records every request.
import {
  API_ERROR_STATUS,
  countWords,
  listRoutes,
  roundToHalfBand,
  toFieldErrors,
  type ApiContract,
  type ApiErrorCode,
  type Assessment,
  type Band,
  type FieldError,
  type PublicQuestion,
  type RouteDefinition,
  type SpeakingSetup,
} from '@ielts-genai-prep/core';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type * as z from 'zod';
import { LEARNER, freeAllowances } from './fixtures';
import type { RecordedRequest } from './reference-server';

export type { RecordedRequest };
import {
  SpeakingConflict,
  advanceSpeakingTest,
  answerSpeakingTest,
  canComplete,
  expireSpeakingPhase,
  speakingView,
  syncSpeakingTest,
  type StandInSpeakingTest,
} from './stand-in-speaking-tests';

/** What the stand-in starts with. */
export interface StandInOptions {
  /** Accounts that can sign in. Default: {@link LEARNER}. */
  users?: Array<{ email: string; password: string; user_id: string; display_name: string | null }>;
  questions?: PublicQuestion[];
  /**
   * What `GET /api/speaking/setup` answers. Default: the embedded server's offline scorer, which
   * needs a transcript with each answer. `null`: the route is missing (404), as on an older server.
   */
  speakingSetup?: SpeakingSetup | null;
}

/** The running stand-in. */
export interface StandInApiServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  requests: RecordedRequest[];
  /** The requests to one endpoint. */
  requestsTo(endpoint: string): RecordedRequest[];
  /** A speaking test's state, to read what it holds. */
  speakingTest(assessmentId: string): StandInSpeakingTest | undefined;
  /** The current phase of a speaking test runs out of time now, behind the app's back. */
  expireSpeakingPhase(assessmentId: string): void;
  /** Responses the stand-in's own handlers built that failed the contract: must stay empty. */
  contractViolations: string[];
  close(): Promise<void>;
}

class HttpProblem extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function pathPattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/:([A-Za-z_]+)/g, '(?<$1>[^/]+)')}$`);
}

/** A contract endpoint's name, `group.name`. */
type EndpointName = { [Group in keyof ApiContract & string]: `${Group}.${keyof ApiContract[Group] & string}` }[keyof ApiContract & string];
type RouteOf<Endpoint> = Endpoint extends `${infer Group extends keyof ApiContract}.${infer Name}`
  ? Name extends keyof ApiContract[Group]
    ? ApiContract[Group][Name]
    : never
  : never;
/** What a route's schema for one part of the request lets through; undefined where the route has no such part. */
type Parsed<Route, Part extends 'params' | 'query' | 'body'> = Route extends { [Key in Part]: infer Schema extends z.ZodType }
  ? z.output<Schema>
  : undefined;
type HandlerInput<Route> = {
  query: Parsed<Route, 'query'>;
  body: Parsed<Route, 'body'>;
  params: Parsed<Route, 'params'>;
  email: string | null;
  token: string | null;
};
type HandlerResult = { status?: number; json: unknown };
type Handlers = { [Endpoint in EndpointName]?: (input: HandlerInput<RouteOf<Endpoint>>) => HandlerResult };

const ROUTES = listRoutes().map(({ group, name, route }) => ({ endpoint: `${group}.${name}`, route, pattern: pathPattern(route.path) }));

// Cursors are opaque to clients; here they are the offset of the next item.
function page<Item>(
  items: Item[],
  cursor: string | undefined,
  limit: number,
  prefix: string,
): { items: Item[]; next_cursor: string | null } {
  let offset = 0;
  if (cursor !== undefined) {
    const match = new RegExp(`^${prefix}:(\\d+)$`).exec(cursor);
    if (!match)
      throw new HttpProblem('validation_failed', 'The request is invalid', [
        { path: 'cursor', message: 'is not a cursor this list gave out' },
      ]);
    offset = Number(match[1]);
  }
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? `${prefix}:${offset + limit}` : null;
  return { items: slice, next_cursor: next };
}

/** Starts the stand-in on 127.0.0.1 on a free port. */
export async function startStandInApiServer(options: StandInOptions = {}): Promise<StandInApiServer> {
  const users = new Map((options.users ?? [LEARNER]).map((user) => [user.email, user]));
  const questions = options.questions ?? [];
  const assessments: Assessment[] = [];
  const allowances = freeAllowances();
  const sessions = new Map<string, string>();
  const speakingSetup =
    options.speakingSetup === undefined
      ? { scorer: 'offline', transcribes_audio: false, assesses_pronunciation: false }
      : options.speakingSetup;
  const speakingTests = new Map<string, StandInSpeakingTest>();
  const requests: RecordedRequest[] = [];
  const contractViolations: string[] = [];
  const sockets = new Set<Socket>();
  let sequence = 0;

  const issueToken = (email = LEARNER.email) => {
    const token = randomBytes(24).toString('base64url');
    sessions.set(token, email);
    return token;
  };

  const publicUser = (email: string) => {
    const user = users.get(email);
    if (!user) throw new HttpProblem('not_found', 'The account no longer exists');
    return {
      email: user.email,
      user_id: user.user_id,
      display_name: user.display_name,
      email_verified: true,
      created_at: '2026-11-01T09:00:00.000Z',
      last_login: '2026-11-25T08:30:00.000Z',
    };
  };

  const startSpeaking = (questionId: string, email: string) => {
    const question = questions.find((candidate) => candidate.question_id === questionId);
    if (question?.assessment_type !== 'speaking' || !question.speaking) throw new HttpProblem('not_found', `No speaking set ${questionId}`);
    const allowance = allowances.speaking ?? { granted: 0, used: 0 };
    if (allowance.used >= allowance.granted) {
      throw new HttpProblem(
        'payment_required',
        `You have used all ${allowance.granted} of your speaking assessments: buy a pack to take more`,
      );
    }
    const user = publicUser(email);
    const now = Date.now();
    sequence += 1;
    const assessmentId = `asm_speaking_${sequence}`;
    const test: StandInSpeakingTest = {
      assessment_id: assessmentId,
      question_id: question.question_id,
      email,
      set: question.speaking,
      phase: 'part1',
      prompt_index: 0,
      phase_started_at: now,
      turns: [],
    };
    speakingTests.set(assessmentId, test);
    assessments.unshift({
      assessment_id: assessmentId,
      user_email: user.email,
      user_id: user.user_id,
      question_id: question.question_id,
      assessment_type: 'speaking',
      timestamp: new Date(now).toISOString(),
      completed_at: null,
      completed: false,
      overall_band: null,
      criteria_scores: {},
      feedback: '',
      inline_corrections: [],
      word_count: null,
      raw_score: null,
      question_results: [],
      flags: [],
      review: { required: false, reasons: [] },
      ai_generated: false,
      content_safe: true,
      provenance: null,
      idempotency_key: null,
      submission: { turns: [] },
      speaking_session: { phase: 'part1' },
      version: 0,
    } as Assessment);
    return speakingView(test);
  };

  const ownSpeakingTest = (assessmentId: string, email: string | null) => {
    const test = speakingTests.get(assessmentId);
    if (!test || test.email !== email) throw new HttpProblem('not_found', `No speaking test ${assessmentId}`);
    return test;
  };
  const assessmentIndex = (assessmentId: string) => assessments.findIndex((assessment) => assessment.assessment_id === assessmentId);
  const inConflict = <Result>(action: () => Result): Result => {
    try {
      return action();
    } catch (error) {
      if (error instanceof SpeakingConflict) throw new HttpProblem('conflict', error.message);
      throw error;
    }
  };

  // A deterministic stand-in for the speaking scorer: fixed bands from the transcripts; Pronunciation
  // is assessed only when the setup says the scorer listens to the audio.
  const scoreSpeaking = (test: StandInSpeakingTest): Assessment => {
    const index = assessmentIndex(test.assessment_id);
    const started = assessments[index] as Assessment;
    const words = test.turns.reduce((sum, turn) => sum + (turn.transcript ? countWords(turn.transcript.text) : 0), 0);
    const listens = speakingSetup?.assesses_pronunciation === true;
    const bands = {
      fluency_coherence: 6.5,
      lexical_resource: 6,
      grammatical_range_accuracy: 6,
      ...(listens ? { pronunciation: 6.5 } : {}),
    };
    const assessed = Object.values(bands);
    const now = new Date().toISOString();
    return {
      ...started,
      completed: true,
      completed_at: now,
      overall_band: roundToHalfBand(assessed.reduce((sum, band) => sum + band, 0) / assessed.length),
      criteria_scores: {
        fluency_coherence: { band: 6.5 as Band, feedback: 'You kept going with few long pauses.' },
        lexical_resource: { band: 6 as Band, feedback: 'Enough vocabulary for familiar topics.' },
        grammatical_range_accuracy: { band: 6 as Band, feedback: 'Simple and complex sentences, with some errors.' },
        pronunciation: listens
          ? { band: 6.5 as Band, feedback: 'Generally clear.' }
          : { band: null, feedback: 'Not assessed: this test was scored from transcripts, without listening to the audio.' },
      },
      feedback: 'Extend your Part 3 answers with reasons and examples.',
      word_count: words,
      flags: listens ? [] : ['pronunciation_not_assessed'],
      provenance: {
        provider: 'offline',
        model_id: null,
        model_selection_reason: null,
        models_called: [],
        token_usage: null,
        cost_usd: 0,
        latency_ms: 20,
        confidence: null,
      },
      submission: { turns: test.turns },
      speaking_session: { phase: 'finished' },
    };
  };

  const handlers: Handlers = {
    'health.check': () => ({ json: { status: 'ok', version: 'stand-in', time: new Date().toISOString() } }),
    'auth.login': ({ body }) => {
      const user = users.get(body.email.trim().toLowerCase());
      if (!user || user.password !== body.password) throw new HttpProblem('unauthorized', 'The email or password is incorrect');
      const token = issueToken(user.email);
      return {
        json: {
          user: publicUser(user.email),
          token: body.client === 'mobile' ? token : null,
          expires_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      };
    },
    'auth.logout': ({ token }) => {
      if (token) sessions.delete(token);
      return { json: { ok: true } };
    },
    'auth.me': ({ email }) => ({ json: { user: publicUser(email as string) } }),
    'entitlements.get': () => ({
      json: {
        entitlements: Object.entries(allowances).map(([type, allowance]) => ({
          assessment_type: type,
          granted: allowance.granted,
          used: allowance.used,
          remaining: Math.max(0, allowance.granted - allowance.used),
        })),
      },
    }),
    'questions.list': ({ query }) => ({
      json: page(
        questions.filter((question) => question.assessment_type === query.type),
        query.cursor,
        query.limit,
        'q',
      ),
    }),
    'questions.get': ({ params }) => {
      const question = questions.find((candidate) => candidate.question_id === params.id);
      if (!question) throw new HttpProblem('not_found', 'No such question');
      return { json: question };
    },
    'speaking.setup': () => {
      if (speakingSetup === null) throw new HttpProblem('not_found', 'No route for GET /api/speaking/setup');
      return { json: speakingSetup };
    },
    'speaking.start': ({ body, email }) => ({ status: 201, json: startSpeaking(body.question_id, email as string) }),
    'speaking.get': ({ params, email }) => ({ json: speakingView(ownSpeakingTest(params.id, email)) }),
    'speaking.submitTurn': ({ params, body, email }) => {
      const test = ownSpeakingTest(params.id, email);
      inConflict(() =>
        answerSpeakingTest(test, {
          part: body.part,
          prompt_id: body.prompt_id,
          has_audio: body.audio !== undefined,
          transcript: body.transcript ?? null,
          transcript_source: body.transcript ? (body.transcript_source ?? 'device') : null,
          duration_ms: body.duration_ms ?? null,
        }),
      );
      return { json: speakingView(test) };
    },
    'speaking.advance': ({ params, body, email }) => {
      const test = ownSpeakingTest(params.id, email);
      inConflict(() => advanceSpeakingTest(test, body.from_phase));
      return { json: speakingView(test) };
    },
    'speaking.discard': ({ params, email }) => {
      const test = ownSpeakingTest(params.id, email);
      if (assessments[assessmentIndex(test.assessment_id)]?.completed) {
        throw new HttpProblem('conflict', 'This speaking test has been scored: a result is kept, not discarded');
      }
      speakingTests.delete(test.assessment_id);
      assessments.splice(assessmentIndex(test.assessment_id), 1);
      return { json: { assessment_id: test.assessment_id, discarded: true } };
    },
    'speaking.complete': ({ params, email }) => {
      const test = ownSpeakingTest(params.id, email);
      const index = assessmentIndex(test.assessment_id);
      if (assessments[index]?.completed) return { json: assessments[index] };
      syncSpeakingTest(test);
      if (!canComplete(test))
        throw new HttpProblem('conflict', 'The test needs at least one answer in each of Parts 1, 2 and 3 before it can be scored');
      const allowance = allowances.speaking ?? { granted: 0, used: 0 };
      if (allowance.used >= allowance.granted) throw new HttpProblem('payment_required', 'You have used all your speaking assessments');
      test.phase = 'finished';
      const scored = scoreSpeaking(test);
      assessments[index] = scored;
      allowance.used += 1;
      allowances.speaking = allowance;
      return { json: scored };
    },
    'assessments.list': ({ query, email }) => ({
      json: page(
        assessments.filter((assessment) => assessment.user_email === email),
        query.cursor,
        query.limit,
        'a',
      ),
    }),
    'assessments.get': ({ params, email }) => {
      const assessment = assessments.find((candidate) => candidate.assessment_id === params.id && candidate.user_email === email);
      if (!assessment) throw new HttpProblem('not_found', 'No such assessment');
      return { json: assessment };
    },
  };

  const sendJson = (response: ServerResponse, status: number, json: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': `req_${requests.length}` });
    response.end(JSON.stringify(json));
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(request);
    const recorded: RecordedRequest = {
      endpoint: 'unknown',
      method: request.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      headers: request.headers,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
    requests.push(recorded);
    const reply = (status: number, json: unknown) => {
      recorded.status = status;
      recorded.response = json;
      sendJson(response, status, json);
    };
    const problem = (error: HttpProblem) =>
      reply(API_ERROR_STATUS[error.code], { error: { code: error.code, message: error.message, details: error.details } });

    const match = ROUTES.map((candidate) => ({ ...candidate, found: candidate.pattern.exec(url.pathname) })).find(
      (candidate) => candidate.route.method === request.method && candidate.found,
    );
    if (!match) return problem(new HttpProblem('not_found', `No route for ${request.method} ${url.pathname}`));
    recorded.endpoint = match.endpoint;

    try {
      const route: RouteDefinition = match.route;
      let email: string | null = null;
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
      if (route.auth === 'user') {
        email = token ? (sessions.get(token) ?? null) : null;
        if (!email) throw new HttpProblem('unauthorized', 'Sign in to continue');
      }
      const details: FieldError[] = [];
      const parse = (schema: RouteDefinition['body'], value: unknown) => {
        if (!schema) return undefined;
        const result = schema.safeParse(value);
        if (!result.success) details.push(...toFieldErrors(result.error.issues));
        return result.success ? result.data : undefined;
      };
      const params = parse(route.params, match.found?.groups ?? {});
      const query = parse(route.query, recorded.query);
      const body = parse(route.body, recorded.body ?? {});
      if (details.length > 0) throw new HttpProblem('validation_failed', 'The request is invalid', details);
      // The route was found by this endpoint's pattern and its parts parsed by its own schemas: the input is the handler's.
      const handler = handlers[match.endpoint as EndpointName] as
        | ((input: { params: unknown; query: unknown; body: unknown; email: string | null; token: string | null }) => HandlerResult)
        | undefined;
      if (!handler) throw new HttpProblem('internal', `${match.endpoint} is not part of the stand-in`);
      const result = handler({ params, query, body, email, token });
      const checked = route.response.safeParse(result.json);
      if (!checked.success) {
        contractViolations.push(`${match.endpoint}: ${JSON.stringify(toFieldErrors(checked.error.issues))}`);
        throw new HttpProblem('internal', 'The stand-in built a response outside the contract');
      }
      reply(result.status ?? route.status, result.json);
    } catch (error) {
      if (error instanceof HttpProblem) return problem(error);
      reply(500, { error: { code: 'internal', message: String(error), details: [] } });
    }
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (endpoint) => requests.filter((request) => request.endpoint === endpoint),
    speakingTest: (assessmentId) => speakingTests.get(assessmentId),
    expireSpeakingPhase(assessmentId) {
      const test = speakingTests.get(assessmentId);
      if (!test) throw new Error(`no speaking test ${assessmentId}`);
      expireSpeakingPhase(test);
    },
    contractViolations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
