import { resultSummary } from '@ielts-genai-prep/app-kit';
import { isWritingType, resultTimeOf, type Assessment, type QuestionGroup } from '@ielts-genai-prep/core';
import type { ReactNode } from 'react';
import { HighlightedEssay } from './highlighted-essay.js';
import { formatDateTime } from './labels.js';
import { PassageText } from './passage-text.js';
import { QuestionResults, questionTextsOf } from './question-results.js';

/** The essay of a writing submission, when the stored submission has one. */
export function essayOf(assessment: Assessment): string | null {
  const essay = assessment.submission?.essay;
  return typeof essay === 'string' ? essay : null;
}

/** Where a speaking turn's transcript came from, as the server stored it. */
export type StoredTranscriptSource = 'device' | 'typed' | null;

/** The turns of a speaking submission: part, prompt, transcript text and where it came from. */
export function speakingTurnsOf(
  assessment: Assessment,
): Array<{ part: number; prompt: string; text: string | null; hasAudio: boolean; source: StoredTranscriptSource }> {
  const turns = assessment.submission?.turns;
  if (!Array.isArray(turns)) return [];
  return turns.flatMap((turn: unknown) => {
    if (!turn || typeof turn !== 'object') return [];
    const record = turn as Record<string, unknown>;
    const transcript = record.transcript as { text?: unknown } | null | undefined;
    return [
      {
        part: typeof record.part === 'number' ? record.part : 0,
        prompt: typeof record.prompt === 'string' ? record.prompt : '',
        text: transcript && typeof transcript.text === 'string' ? transcript.text : null,
        hasAudio: record.has_audio === true,
        source: record.transcript_source === 'device' || record.transcript_source === 'typed' ? record.transcript_source : null,
      },
    ];
  });
}

/**
 * Why Pronunciation has no band, in the learner's terms: from how the answers were transcribed
 * (recognised on the device, typed, or not at all).
 */
export function pronunciationReason(turns: ReturnType<typeof speakingTurnsOf>): string {
  const device = turns.some((turn) => turn.source === 'device');
  const typed = turns.some((turn) => turn.source === 'typed');
  const how =
    device && typed
      ? 'Your answers were transcribed on your device or typed'
      : device
        ? 'Your answers were transcribed on your device'
        : typed
          ? 'Your answers were typed'
          : 'Your answers were scored from text';
  return `${how}, so the scorer had your words but not your voice. Pronunciation is assessed only when the examiner model listens to your recordings.`;
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}|\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
    </>
  );
}

/** Props of {@link ResultView}. */
export interface ResultViewProps {
  assessment: Assessment;
  /** The question's title, when known. */
  questionTitle?: string | null;
  /** The question's groups (reading, listening), for each question's text beside its marking. */
  questionGroups?: readonly QuestionGroup[];
  /** Listening sections' transcripts, shown for review once the answers are marked. */
  transcripts?: ReadonlyArray<{ part: number; title: string; transcript: string }>;
  /** Extra content at the end, such as the "report this result" form. */
  children?: ReactNode;
}

/**
 * A scored assessment: the overall band, each criterion's band and feedback (Pronunciation as
 * "not assessed" when it has no band), the essay with its inline corrections, flags, the
 * marking of each reading or listening question, and where the result came from.
 */
export function ResultView({ assessment, questionTitle, questionGroups = [], transcripts = [], children }: ResultViewProps) {
  const summary = resultSummary(assessment);
  const essay = isWritingType(assessment.assessment_type) ? essayOf(assessment) : null;
  const turns = assessment.assessment_type === 'speaking' ? speakingTurnsOf(assessment) : [];
  const provenance = assessment.provenance;

  return (
    <article className="result" aria-labelledby="result-heading">
      <header className="result-summary card">
        <div>
          <p className="eyebrow">{summary.typeName}</p>
          <h2 id="result-heading">{questionTitle ?? 'Your result'}</h2>
          <p className="muted" data-testid="result-time">
            {formatDateTime(resultTimeOf(assessment))}
          </p>
          {assessment.word_count !== null && <p data-testid="result-word-count">{assessment.word_count} words</p>}
          {summary.rawScore !== null && (
            <p className="raw-score" data-testid="raw-score">
              <strong>{summary.rawScore}</strong> of 40 correct
            </p>
          )}
        </div>
        <div className="band-badge" data-testid="overall-band">
          <span className="band-badge-label">{assessment.completed ? 'Overall band' : 'In progress'}</span>
          <span className="band-badge-value">{summary.overallBand}</span>
        </div>
      </header>

      {summary.flags.length > 0 && (
        <section className="card flags" aria-labelledby="flags-heading">
          <h3 id="flags-heading">Things to note</h3>
          <ul>
            {summary.flags.map(({ flag, title, description }) => (
              <li key={flag} className="flag" data-flag={flag}>
                <strong>{title}.</strong> {description}
              </li>
            ))}
          </ul>
        </section>
      )}

      {assessment.review.required && (
        <p className="banner banner-info">
          This result may be checked by a person{assessment.review.reasons.length > 0 ? `: ${assessment.review.reasons.join('; ')}` : '.'}
        </p>
      )}
      {!assessment.content_safe && (
        <p className="banner banner-warning">Part of this answer tried to steer the scorer or was filtered, so it was scored with care.</p>
      )}

      {summary.criteria.length > 0 && (
        <section aria-labelledby="criteria-heading">
          <h3 id="criteria-heading">Criteria</h3>
          <div className="criteria">
            {summary.criteria.map(({ criterion, name, assessed, band, feedback }) => (
              <section key={criterion} className="card criterion" data-criterion={criterion}>
                <div className="criterion-head">
                  <h4>{name}</h4>
                  <span className={`criterion-band${assessed ? '' : ' criterion-band-none'}`}>{band}</span>
                </div>
                {feedback ? <Paragraphs text={feedback} /> : !assessed && <p className="muted">Not assessed for this answer.</p>}
                {!assessed && criterion === 'pronunciation' && assessment.assessment_type === 'speaking' && (
                  <p className="muted small" data-testid="pronunciation-reason">
                    {pronunciationReason(turns)}
                  </p>
                )}
              </section>
            ))}
          </div>
        </section>
      )}

      {assessment.feedback && (
        <section className="card" aria-labelledby="feedback-heading">
          <h3 id="feedback-heading">Feedback</h3>
          <Paragraphs text={assessment.feedback} />
        </section>
      )}

      {essay !== null && (
        <section className="card" aria-labelledby="essay-heading">
          <h3 id="essay-heading">Your essay{assessment.inline_corrections.length > 0 ? ' with corrections' : ''}</h3>
          <HighlightedEssay essay={essay} corrections={assessment.inline_corrections} />
        </section>
      )}

      {turns.length > 0 && (
        <section className="card" aria-labelledby="turns-heading">
          <h3 id="turns-heading">Your answers</h3>
          <ol className="turns">
            {turns.map((turn, index) => (
              <li key={index}>
                <p className="muted">
                  Part {turn.part}: {turn.prompt.split('\n')[0]}
                </p>
                <p>{turn.text ?? (turn.hasAudio ? '(recorded answer)' : '(no answer)')}</p>
                {turn.text !== null && turn.source && (
                  <p className="muted small turn-source">
                    {turn.source === 'device' ? 'Transcribed on your device' : 'Typed'}
                    {turn.hasAudio ? ' · recorded' : ''}
                  </p>
                )}
              </li>
            ))}
          </ol>
          {essay === null && assessment.inline_corrections.length > 0 && (
            <ul className="correction-list">
              {assessment.inline_corrections.map((correction, index) => (
                <li key={index}>
                  <q>{correction.quote}</q> → <q>{correction.suggestion}</q> {correction.explanation}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {assessment.question_results.length > 0 && (
        <section className="card" aria-labelledby="answers-heading">
          <h3 id="answers-heading">Your answers, question by question</h3>
          <QuestionResults results={assessment.question_results} texts={questionTextsOf(questionGroups)} />
        </section>
      )}

      {transcripts.length > 0 && (
        <section className="card transcripts" aria-labelledby="transcripts-heading" data-testid="listening-transcripts">
          <h3 id="transcripts-heading">Transcripts</h3>
          <p className="muted small">What was said in each section: check your answers against it.</p>
          {transcripts.map((section) => (
            <details key={section.part} className="transcript-review" data-transcript-section={section.part}>
              <summary>
                Section {section.part}: {section.title}
              </summary>
              <PassageText text={section.transcript} />
            </details>
          ))}
        </section>
      )}

      {provenance && (
        <section className="card provenance" aria-labelledby="provenance-heading">
          <h3 id="provenance-heading">About this result</h3>
          <dl>
            <div>
              <dt>Scored by</dt>
              <dd data-testid="provider">{summary.providerName}</dd>
            </div>
            {provenance.model_id && (
              <div>
                <dt>Model</dt>
                <dd>{provenance.model_id}</dd>
              </div>
            )}
            {provenance.model_selection_reason && (
              <div>
                <dt>Why this model</dt>
                <dd>{provenance.model_selection_reason}</dd>
              </div>
            )}
            <div>
              <dt>Confidence</dt>
              <dd data-testid="confidence">
                {provenance.confidence === null ? 'not given' : `${Math.round(provenance.confidence * 100)}%`}
              </dd>
            </div>
            <div>
              <dt>Feedback written by</dt>
              <dd data-testid="feedback-author">
                {assessment.ai_generated
                  ? 'an AI model'
                  : provenance.provider === 'offline'
                    ? 'the offline scorer’s rules: an estimate, no AI model wrote it'
                    : 'the answer key'}
              </dd>
            </div>
            <div>
              <dt>Time to score</dt>
              <dd>
                {provenance.latency_ms < 1000
                  ? `${Math.round(provenance.latency_ms)} ms`
                  : `${(provenance.latency_ms / 1000).toFixed(1)} s`}
              </dd>
            </div>
          </dl>
          <p className="muted small">These bands are an estimate to guide your practice, not an official IELTS score.</p>
        </section>
      )}

      {children}
    </article>
  );
}
