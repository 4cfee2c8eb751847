import { WRITING_TASK2_RESULT } from '@ielts-genai-prep/app-kit/testing';
import { assessmentSchema, type Assessment } from '@ielts-genai-prep/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { segmentEssay } from './essay-segments.js';
import { ResultView } from './result-view.js';

const base = {
  assessment_id: 'a-1',
  user_email: 'learner@example.com',
  user_id: '7f9c2d1e-3b4a-4c5d-8e6f-0a1b2c3d4e5f',
  question_id: 'w2-001',
  timestamp: '2026-11-25T10:00:00.000Z',
  completed_at: '2026-11-25T10:00:05.000Z',
  completed: true,
  ai_generated: false,
  content_safe: true,
};

// A scored result as the server sends it (the phone's tests read the same one).
const writing: Assessment = assessmentSchema.parse(WRITING_TASK2_RESULT);
const essay = WRITING_TASK2_RESULT.submission.essay;

describe('ResultView for writing', () => {
  it('shows the overall band, and each criterion with its band and feedback', () => {
    render(<ResultView assessment={writing} questionTitle="Universities and employment" />);
    expect(screen.getByTestId('overall-band').textContent).toContain('6.5');
    expect(screen.getByRole('heading', { name: 'Universities and employment' })).toBeTruthy();
    const criteria = Array.from(document.querySelectorAll('[data-criterion]'));
    expect(criteria.map((element) => element.querySelector('h4')?.textContent)).toEqual([
      'Task Response',
      'Coherence and Cohesion',
      'Lexical Resource',
      'Grammatical Range and Accuracy',
    ]);
    expect(criteria.map((element) => element.querySelector('.criterion-band')?.textContent)).toEqual(['6.0', '7.0', '6.5', '6.0']);
    expect(criteria[0]?.textContent).toContain('You give a clear position');
    expect(screen.getByText('A solid answer. Develop your main ideas further.')).toBeTruthy();
    expect(screen.getByTestId('result-word-count').textContent).toBe('18 words');
  });

  it('highlights each quoted span in the essay with its suggestion', () => {
    render(<ResultView assessment={writing} />);
    const essayView = screen.getByTestId('highlighted-essay');
    const marks = Array.from(essayView.querySelectorAll('mark'));
    expect(marks.map((mark) => mark.textContent)).toEqual(['people believes', 'to narrow']);
    expect(marks[0]?.closest('.correction')?.textContent).toContain('people believe');
    expect(marks[1]?.closest('.correction')?.className).toContain('correction-spelling');
    // The essay reads in full, in order, paragraphs kept.
    const plain = Array.from(essayView.childNodes)
      .map((node) => (node as HTMLElement).querySelector?.('mark')?.textContent ?? node.textContent)
      .join('');
    expect(plain).toBe(essay);
    const list = document.querySelector('.correction-list') as HTMLElement;
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(list.textContent).toContain('Plural subject, plural verb.');
    expect(list.textContent).toContain('could not be found in the essay');
  });

  it('explains flags and where the result came from', () => {
    render(<ResultView assessment={writing} />);
    expect(document.querySelector('[data-flag="under_length"]')?.textContent).toContain('Under the word limit');
    expect(screen.getByTestId('provider').textContent).toBe('Offline scorer (runs without an AI model)');
    expect(screen.getByTestId('confidence').textContent).toBe('62%');
  });

  it('says an offline result is the offline scorer’s estimate and an AI result was written by a model', () => {
    const { unmount } = render(<ResultView assessment={writing} />);
    expect(screen.getByTestId('feedback-author').textContent).toBe('the offline scorer’s rules: an estimate, no AI model wrote it');
    unmount();
    const bedrock = assessmentSchema.parse({
      ...writing,
      ai_generated: true,
      provenance: {
        provider: 'bedrock',
        model_id: 'amazon.nova-micro-v1:0',
        token_usage: null,
        cost_usd: 0.0001,
        latency_ms: 900,
        confidence: null,
      },
    });
    render(<ResultView assessment={bedrock} />);
    expect(screen.getByTestId('feedback-author').textContent).toBe('an AI model');
  });

  it('renders what it is given as extra content (the report form)', () => {
    render(
      <ResultView assessment={writing}>
        <p>Report slot</p>
      </ResultView>,
    );
    expect(screen.getByText('Report slot')).toBeTruthy();
  });
});

describe('ResultView for speaking', () => {
  it('shows Pronunciation as not assessed when it has no band', () => {
    const speaking = assessmentSchema.parse({
      ...base,
      assessment_type: 'speaking',
      overall_band: 6,
      criteria_scores: {
        fluency_coherence: { band: 6, feedback: 'Speaks at length with some hesitation.' },
        lexical_resource: { band: 6, feedback: 'Adequate range.' },
        grammatical_range_accuracy: { band: 6, feedback: 'Mix of simple and complex forms.' },
        pronunciation: { band: null, feedback: '' },
      },
      feedback: 'Good effort.',
      flags: ['pronunciation_not_assessed'],
      submission: {
        turns: [
          {
            part: 1,
            prompt: 'Where do you live?',
            transcript: { text: 'I live in a small town.', words: [] },
            duration_ms: null,
            has_audio: false,
          },
        ],
      },
      provenance: { provider: 'offline', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 3, confidence: null },
    });
    render(<ResultView assessment={speaking} />);
    const pronunciation = document.querySelector('[data-criterion="pronunciation"]');
    expect(pronunciation?.querySelector('.criterion-band')?.textContent).toBe('Not assessed');
    expect(document.querySelector('[data-criterion="fluency_coherence"] .criterion-band')?.textContent).toBe('6.0');
    expect(screen.getByText('I live in a small town.')).toBeTruthy();
    expect(screen.getByTestId('confidence').textContent).toBe('not given');
  });
});

describe('ResultView for speaking transcribed on the device', () => {
  it('says Pronunciation is not assessed and why, and where each transcript came from', () => {
    const speaking = assessmentSchema.parse({
      ...base,
      assessment_type: 'speaking',
      overall_band: 6,
      criteria_scores: {
        fluency_coherence: { band: 6, feedback: 'Speaks at length.' },
        lexical_resource: { band: 6, feedback: 'Adequate range.' },
        grammatical_range_accuracy: { band: 6, feedback: 'Mixed forms.' },
        pronunciation: { band: null, feedback: 'Pronunciation is not assessed: the offline scorer has only a transcript, not the audio.' },
      },
      feedback: 'Good effort.',
      flags: ['pronunciation_not_assessed'],
      submission: {
        turns: [
          {
            part: 1,
            prompt: 'Where do you live?',
            transcript: { text: 'I live by the sea.', words: [] },
            transcript_source: 'device',
            duration_ms: 4000,
            has_audio: true,
          },
          {
            part: 3,
            prompt: 'Why do people like parks?',
            transcript: { text: 'They are free.', words: [] },
            transcript_source: 'typed',
            duration_ms: null,
            has_audio: false,
          },
        ],
      },
      provenance: { provider: 'offline', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 3, confidence: 0.25 },
    });
    render(<ResultView assessment={speaking} />);
    const pronunciation = document.querySelector('[data-criterion="pronunciation"]');
    expect(pronunciation?.querySelector('.criterion-band')?.textContent).toBe('Not assessed');
    expect(pronunciation?.textContent).toContain('the offline scorer has only a transcript');
    expect(screen.getByTestId('pronunciation-reason').textContent).toBe(
      'Your answers were transcribed on your device or typed, so the scorer had your words but not your voice. Pronunciation is assessed only when the examiner model listens to your recordings.',
    );
    expect(Array.from(document.querySelectorAll('.turn-source')).map((element) => element.textContent)).toEqual([
      'Transcribed on your device · recorded',
      'Typed',
    ]);
  });
});

describe('ResultView for listening', () => {
  it('shows each section’s transcript for review, when given', () => {
    const listening = assessmentSchema.parse({
      ...base,
      assessment_type: 'listening',
      question_id: 'li-test-01',
      overall_band: 5,
      raw_score: 20,
      criteria_scores: {},
      feedback: '',
      provenance: { provider: 'answer_key', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1, confidence: 1 },
    });
    render(
      <ResultView
        assessment={listening}
        transcripts={[{ part: 1, title: 'Evening classes', transcript: 'RECEPTIONIST: Good morning.\nANNA: Hello.' }]}
      />,
    );
    const transcripts = screen.getByTestId('listening-transcripts');
    expect(within(transcripts).getByText('Section 1: Evening classes')).toBeTruthy();
    expect(transcripts.querySelector('.speaker')?.textContent).toBe('RECEPTIONIST:');
    expect(transcripts.textContent).toContain('Good morning.');
  });
});

describe('ResultView for reading', () => {
  const reading = () =>
    assessmentSchema.parse({
      ...base,
      assessment_type: 'reading_academic',
      question_id: 'ra-test-01',
      overall_band: 2.5,
      criteria_scores: {},
      feedback: '',
      raw_score: 2,
      question_results: [
        { question_number: 1, given: 'TRUE', expected: ['TRUE'], correct: true, reason: 'Correct.', reason_code: 'correct' },
        {
          question_number: 2,
          given: 'YES',
          expected: ['FALSE'],
          correct: false,
          reason: 'This question asks for TRUE, FALSE or NOT GIVEN (facts in the passage); YES and NO answer a different kind of question.',
          reason_code: 'wrong_answer_family',
          reason_detail: { family: 'true_false_not_given' },
        },
        {
          question_number: 7,
          given: 'filter',
          expected: ['filters'],
          correct: false,
          reason: 'Spelt differently from “filters”. Spelling must be exact for the mark.',
          reason_code: 'misspelled',
          reason_detail: { closest: 'filters' },
        },
        {
          question_number: 12,
          given: 'c',
          expected: ['B'],
          correct: false,
          reason: 'Not the answer: the answer is “B”.',
          reason_code: 'wrong',
        },
        {
          question_number: 13,
          given: '',
          expected: ['(their) cooperation', 'co-operation'],
          correct: false,
          reason: 'Left blank. A wrong answer costs nothing, so always write something.',
          reason_code: 'blank',
        },
      ],
      provenance: { provider: 'answer_key', model_id: null, token_usage: null, cost_usd: 0, latency_ms: 1, confidence: 1 },
    });
  const groups = [
    {
      group_id: 'g1',
      part: 1,
      instructions: 'TRUE/FALSE/NOT GIVEN',
      answer_format: { kind: 'true_false_not_given' as const },
      options: [],
      questions: [
        { number: 1, text: 'Mangroves grow in salt water.' },
        { number: 2, text: 'All species lose salt through their leaves.' },
      ],
    },
    {
      group_id: 'g2',
      part: 1,
      instructions: 'ONE WORD ONLY',
      answer_format: { kind: 'words' as const, max_words: 1, numbers_allowed: false },
      options: [],
      questions: [{ number: 7, text: 'The roots work as very fine ________.' }],
    },
    {
      group_id: 'g3',
      part: 2,
      instructions: 'Choose the correct letter.',
      answer_format: { kind: 'letter' as const, options: ['A', 'B', 'C'] },
      options: [
        { letter: 'A', text: 'the ship' },
        { letter: 'B', text: 'the crane' },
        { letter: 'C', text: 'the port' },
      ],
      questions: [{ number: 12, text: 'What changed first?' }],
    },
  ];

  it('lists every question with its text, the answer given, the accepted answers, the mark and why in plain words', () => {
    render(<ResultView assessment={reading()} questionGroups={groups} />);
    expect(screen.getByTestId('raw-score').textContent).toBe('2 of 40 correct');
    expect(screen.getByTestId('overall-band').textContent).toContain('2.5');
    const rows = Array.from(document.querySelectorAll('[data-question-result]'));
    expect(rows.map((row) => row.className)).toEqual(['correct', 'incorrect', 'incorrect', 'incorrect', 'incorrect']);
    expect(rows.map((row) => row.getAttribute('data-reason'))).toEqual(['correct', 'wrong_answer_family', 'misspelled', 'wrong', 'blank']);
    const cells = (row: Element | undefined) => Array.from(row?.children ?? []).map((cell) => cell.textContent);
    expect(cells(rows[0])).toEqual(['1Mangroves grow in salt water.', 'TRUE', 'TRUE', '✓ Correct']);
    expect(cells(rows[1])).toEqual([
      '2All species lose salt through their leaves.',
      'YES',
      'FALSE',
      '✗ IncorrectThis question asks for TRUE, FALSE or NOT GIVEN (facts in the passage); YES and NO answer a different kind of question.',
    ]);
    expect(cells(rows[2])).toEqual([
      '7The roots work as very fine ________.',
      'filter',
      'filters',
      '✗ IncorrectSpelt differently from “filters”. Spelling must be exact for the mark.',
    ]);
    // A letter answer names its option.
    expect(cells(rows[3])).toEqual([
      '12What changed first?',
      'c (the port)',
      'B (the crane)',
      '✗ IncorrectNot the answer: the answer is “B”.',
    ]);
    expect(cells(rows[4])).toEqual([
      '13',
      '(blank)',
      '(their) cooperation / co-operation',
      '✗ IncorrectLeft blank. A wrong answer costs nothing, so always write something.',
    ]);
    // Every cell but the question is labelled, for the stacked layout on a phone.
    expect(Array.from(rows[1]?.querySelectorAll('td') ?? []).map((cell) => cell.getAttribute('data-label'))).toEqual([
      'Your answer',
      'Accepted',
      'Result',
    ]);
    expect(document.querySelector('[data-criterion]')).toBeNull();
    expect(screen.getByTestId('provider').textContent).toBe('Marked against the answer key');
  });

  it('still shows results marked before reason codes, by their stored reason', () => {
    const old = assessmentSchema.parse({
      ...reading(),
      question_results: [{ question_number: 3, given: 'x', expected: ['y'], correct: false, reason: 'does not match the key' }],
    });
    render(<ResultView assessment={old} />);
    const row = document.querySelector('[data-question-result="3"]');
    expect(row?.getAttribute('data-reason')).toBeNull();
    expect(row?.textContent).toContain('does not match the key');
  });
});

describe('segmentEssay', () => {
  it('finds quotes in order, never overlapping, falling back to a case-blind match', () => {
    const text = 'the cat sat. The cat ran.';
    const { segments, unplaced } = segmentEssay(text, [
      { quote: 'The cat', suggestion: 'A cat', category: 'style', explanation: '' },
      { quote: 'the cat', suggestion: 'the dog', category: 'vocabulary', explanation: '' },
      { quote: 'THE CAT', suggestion: '', category: 'style', explanation: '' },
      { quote: 'sat', suggestion: 'sits', category: 'grammar', explanation: '' },
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(
      segments.filter((segment) => segment.correctionIndex !== null).map((segment) => [segment.text, segment.correctionIndex]),
    ).toEqual([
      ['the cat', 1],
      ['sat', 3],
      ['The cat', 0],
    ]);
    expect(unplaced).toEqual([2]);
  });
});
