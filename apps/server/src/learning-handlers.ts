import { randomUUID } from 'node:crypto';
import {
  isAnswerKeyType,
  isWritingType,
  summarizeAssessment,
  toPublicQuestion,
  type Assessment,
  type AssessmentResultInput,
  type AssessmentType,
  type Question,
  type User,
} from '@ielts-genai-prep/core';
import { DalError } from '@ielts-genai-prep/dal-dynamodb';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';
import type { BaseServices, IdempotencyServices, MailServices, ScoringServices } from './app-services.js';
import type { ContractHandlers } from './contract-router.js';
import { entitlementsOf, reserveAssessment } from './entitlements.js';
import { runIdempotently } from './idempotent-submission.js';
import type { HeldMail } from './mail-outbox.js';
import { createSafetyEventCollector, storeSafetyLogs, type SafetyEventSink } from './safety-logs.js';
import { fieldError, ServerError } from './server-error.js';

/** What the question, scoring and history routes use. */
type LearningServices = BaseServices & ScoringServices & MailServices & IdempotencyServices;

/** A question of one of the given kinds, or a 404 / a 400 on `question_id`. */
export async function questionOfKind(
  services: BaseServices,
  questionId: string,
  accepts: (type: AssessmentType) => boolean,
  kind: string,
): Promise<Question> {
  const question = await services.repositories.questions.get(questionId);
  if (!question) throw new ServerError('not_found', `No question ${questionId}`);
  if (!accepts(question.assessment_type)) throw fieldError('question_id', `is a ${question.assessment_type} question, not ${kind}`);
  return question;
}

/** An assessment the caller owns; another user's (or none) is a 404, never a 403. */
export async function ownAssessment(services: BaseServices, user: User, assessmentId: string): Promise<Assessment> {
  const assessment = await services.repositories.assessments.get(assessmentId);
  if (!assessment || assessment.user_id !== user.user_id) throw new ServerError('not_found', `No assessment ${assessmentId}`);
  return assessment;
}

/**
 * Holds the results notice of an assessment about to be stored (release it once stored), when
 * the user wants notices. One message per assessment (its id names it), so a retried request or
 * a second completion never sends a second notice; the sender composes it only if the assessment
 * was stored completed. No request waits for the mail service.
 */
export async function holdResultNotice(
  services: BaseServices & MailServices,
  user: User,
  assessmentId: string,
  requestId: string | undefined,
): Promise<HeldMail | undefined> {
  if (!user.preferences.email_notifications) return undefined;
  return services.mail.hold(
    { kind: 'result', recipient: user.email, payload: { assessment_id: assessmentId } },
    { requestId, messageId: `result-${assessmentId}` },
  );
}

/** The request an answer came in with. */
interface Submission {
  user: User;
  question: Question;
  idempotencyKey: string | undefined;
  /** The route's name, which scopes the idempotency key. */
  scope: string;
  /** The validated body, fingerprinted with the idempotency key. */
  body: unknown;
  /** What the assessment keeps of the answer. */
  submission: Record<string, unknown>;
  /** For the server log. */
  requestId: string | undefined;
}

/**
 * Scores and stores one answer, once per idempotency key (see {@link runIdempotently}): counts it
 * against the allowance (402 when none is left), scores, stores, and queues the results notice. An answer that is not stored gives its allowance back. The AI safety events
 * raised while scoring are stored after the assessment (or, when scoring failed, under the id it
 * would have had), so a log that cannot be stored never loses the assessment.
 */
async function scoreAndStore(
  services: LearningServices,
  { user, question, idempotencyKey, scope, body, submission, requestId }: Submission,
  score: (onSafetyEvent: SafetyEventSink) => Promise<AssessmentResultInput>,
): Promise<Assessment> {
  return runIdempotently(services, { user, scope, idempotencyKey, body }, (assessmentId) =>
    scoreAndStoreOnce(services, { user, question, idempotencyKey, submission, requestId }, assessmentId, score),
  );
}

async function scoreAndStoreOnce(
  services: LearningServices,
  { user, question, idempotencyKey, submission, requestId }: Omit<Submission, 'scope' | 'body'>,
  assessmentId: string,
  score: (onSafetyEvent: SafetyEventSink) => Promise<AssessmentResultInput>,
): Promise<Assessment> {
  const reservation = await reserveAssessment(services, user, question.assessment_type);
  const safety = createSafetyEventCollector();
  const safetyTarget = { assessmentId, userEmail: user.email, requestId };
  let saved: { assessment: Assessment; created: boolean };
  let notice: HeldMail | undefined;
  try {
    const result = await score(safety.onSafetyEvent);
    notice = await holdResultNotice(services, user, assessmentId, requestId);
    const now = new Date(services.clock()).toISOString();
    saved = await services.repositories.assessments.save({
      ...result,
      assessment_id: assessmentId,
      user_email: user.email,
      user_id: user.user_id,
      question_id: question.question_id,
      timestamp: now,
      completed_at: now,
      completed: true,
      idempotency_key: idempotencyKey ?? null,
      submission,
    });
  } catch (error) {
    await reservation.release();
    // A blocked answer (content filter, no valid model answer) is logged all the same.
    await storeSafetyLogs(services, safety.events, safetyTarget);
    throw error;
  }
  const { assessment, created } = saved;
  // Held by this request, or by an earlier holder of the key that died before releasing it.
  await notice?.release();
  // Stored by an earlier holder of the key that died before answering: that one used the allowance.
  if (!created) {
    await reservation.release();
    return assessment;
  }
  await storeSafetyLogs(services, safety.events, safetyTarget);
  return assessment;
}

function submissionOf(
  context: Context,
  scope: string,
  user: User,
  question: Question,
  body: { idempotency_key?: string | undefined },
  submission: Record<string, unknown>,
): Submission {
  return { user, question, idempotencyKey: body.idempotency_key, scope, body, submission, requestId: requestIdOf(context) };
}

/** The id the request-id middleware gave this request. */
export function requestIdOf(context: Context): string | undefined {
  return (context as Context<AppEnv>).get('requestId');
}

/** The handlers of the question, scoring, history, entitlement and content-report routes. */
export function createLearningHandlers(
  services: LearningServices,
): Pick<ContractHandlers, 'questions' | 'writing' | 'reading' | 'listening' | 'assessments' | 'entitlements' | 'contentReports'> {
  const { repositories, evaluators, clock } = services;
  return {
    questions: {
      async list({ query }) {
        // A forged or foreign cursor is the DAL's invalid_cursor: a 400 on `cursor`, as for the history.
        const page = await repositories.questions.listPageByType(query.type, { limit: query.limit, cursor: query.cursor ?? null });
        return { items: page.items.map(toPublicQuestion), next_cursor: page.next_cursor };
      },
      async get({ params }) {
        const question = await repositories.questions.get(params.id);
        if (!question) throw new ServerError('not_found', `No question ${params.id}`);
        return toPublicQuestion(question);
      },
    },

    writing: {
      async evaluate({ body, caller, context }) {
        const question = await questionOfKind(services, body.question_id, isWritingType, 'a writing question');
        const rubric = await repositories.rubrics.getByType(question.assessment_type);
        return scoreAndStore(
          services,
          submissionOf(context, 'writing.evaluate', caller.user, question, body, { essay: body.essay }),
          // A learner who goes away (the connection closed before the answer) ends the provider call.
          (onSafetyEvent) => evaluators.writing({ question, essay: body.essay, rubric, onSafetyEvent, signal: context.req.raw.signal }),
        );
      },
    },

    reading: {
      async evaluate({ body, caller, context }) {
        const question = await questionOfKind(
          services,
          body.question_id,
          (type) => isAnswerKeyType(type) && type !== 'listening',
          'a reading test',
        );
        return scoreAndStore(
          services,
          submissionOf(context, 'reading.evaluate', caller.user, question, body, { answers: body.answers }),
          () => evaluators.answerSheet({ question, answers: body.answers }),
        );
      },
    },

    listening: {
      async evaluate({ body, caller, context }) {
        const question = await questionOfKind(services, body.question_id, (type) => type === 'listening', 'a listening test');
        return scoreAndStore(
          services,
          submissionOf(context, 'listening.evaluate', caller.user, question, body, { answers: body.answers }),
          () => evaluators.answerSheet({ question, answers: body.answers }),
        );
      },
    },

    assessments: {
      async list({ query, caller }) {
        try {
          const page = await repositories.assessments.listByUser(caller.user.email, { limit: query.limit, cursor: query.cursor ?? null });
          // Titles from the content cache: a page names a handful of questions, read once a minute.
          const titles = new Map<string, string | null>();
          for (const id of new Set(page.items.flatMap((item) => (item.question_id ? [item.question_id] : [])))) {
            titles.set(id, (await repositories.questions.get(id))?.title ?? null);
          }
          return {
            ...page,
            items: page.items.map((item) => summarizeAssessment(item, item.question_id ? (titles.get(item.question_id) ?? null) : null)),
          };
        } catch (error) {
          if (DalError.isInstance(error, 'invalid_cursor')) throw fieldError('cursor', 'is not a cursor this list gave out');
          throw error;
        }
      },
      async get({ params, caller }) {
        return ownAssessment(services, caller.user, params.id);
      },
    },

    entitlements: {
      async get({ caller }) {
        return { entitlements: await entitlementsOf(services, caller) };
      },
    },

    contentReports: {
      async create({ body, caller }) {
        if (body.target.kind === 'question') {
          if (!(await repositories.questions.get(body.target.id))) throw new ServerError('not_found', `No question ${body.target.id}`);
        } else {
          await ownAssessment(services, caller.user, body.target.id);
        }
        const now = new Date(clock()).toISOString();
        return repositories.contentReports.create({
          report_id: randomUUID(),
          reporter_email: caller.user.email,
          reporter_user_id: caller.user.user_id,
          target: body.target,
          reason: body.reason,
          details: body.details ?? '',
          status: 'open',
          created_at: now,
          updated_at: now,
        });
      },
    },
  };
}
