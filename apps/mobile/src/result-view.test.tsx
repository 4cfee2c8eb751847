import { WRITING_TASK2_RESULT } from '@ielts-genai-prep/app-kit/testing';
import { assessmentSchema, type Assessment } from '@ielts-genai-prep/core';
import { render, screen, within } from '@testing-library/react-native';
import { ResultView } from './result-view';

// A scored result as the server sends it (the web's tests read the same one), parsed with core's schema as the client does.
const writingResult: Assessment = assessmentSchema.parse(WRITING_TASK2_RESULT);

describe('ResultView', () => {
  it('shows the overall band, each criterion’s band and feedback in the IELTS order, and the feedback', () => {
    render(<ResultView assessment={writingResult} />);

    expect(screen.getByTestId('overall-band')).toHaveTextContent('6.5');
    expect(screen.getByText('18 words')).toBeOnTheScreen();
    const rows = [
      ['task_response', 'Task Response', '6.0', 'You give a clear position but develop it only briefly.'],
      ['coherence_cohesion', 'Coherence and Cohesion', '7.0', 'Paragraphs are logical.'],
      ['lexical_resource', 'Lexical Resource', '6.5', 'A fair range of vocabulary.'],
      ['grammatical_range_accuracy', 'Grammatical Range and Accuracy', '6.0', 'Some agreement errors.'],
    ];
    for (const [criterion, name, band, feedback] of rows) {
      const row = screen.getByTestId(`criterion-${criterion}`);
      expect(within(row).getByText(name as string)).toBeOnTheScreen();
      expect(within(row).getByText(band as string)).toBeOnTheScreen();
      expect(within(row).getByText(feedback as string)).toBeOnTheScreen();
    }
    const order = screen.getAllByTestId(/^criterion-/).map((row) => row.props.testID);
    expect(order).toEqual(rows.map(([criterion]) => `criterion-${criterion}`));
    expect(screen.getByText('A solid answer. Develop your main ideas further.')).toBeOnTheScreen();
  });

  it('shows corrections, flags and who scored it, an offline result as the offline scorer’s estimate', () => {
    render(<ResultView assessment={writingResult} />);
    const first = screen.getByTestId('correction-1');
    expect(within(first).getByText('people believes')).toBeOnTheScreen();
    expect(within(first).getByText('Plural subject, plural verb.')).toBeOnTheScreen();
    expect(screen.getByText('Under the word limit')).toBeOnTheScreen();
    expect(
      screen.getByText(/Offline scorer \(runs without an AI model\)\. An estimate by the offline scorer: no AI model wrote this feedback/),
    ).toBeOnTheScreen();
    expect(screen.queryByText(/AI bands are estimates/)).toBeNull();
  });

  it('shows the essay with each corrected span struck through, its suggestion after it, numbered as in the list', () => {
    const withEssay = assessmentSchema.parse({
      ...writingResult,
      inline_corrections: [
        { quote: 'a advantage', suggestion: 'an advantage', category: 'grammar', explanation: '"an" before a vowel sound.' },
        { quote: 'peple', suggestion: 'people', category: 'spelling', explanation: 'Possible misspelling of "people".' },
      ],
      submission: { essay: 'Working from home is a advantage for peple with children. Peple save time.' },
    });
    render(<ResultView assessment={withEssay} />);
    const marked = screen.getByTestId('marked-answer');
    expect(within(marked).getByLabelText('a advantage, correction 1: an advantage')).toBeOnTheScreen();
    // Both occurrences of the misspelling, whatever their case.
    expect(within(marked).getByLabelText('peple, correction 2: people')).toBeOnTheScreen();
    expect(within(marked).getByLabelText('Peple, correction 2: people')).toBeOnTheScreen();
    expect(within(screen.getByTestId('correction-2')).getByText('peple')).toBeOnTheScreen();
    expect(within(screen.getByTestId('correction-2')).getByText('Possible misspelling of "people".')).toBeOnTheScreen();
  });

  it('shows each reading question: the answer given, right or wrong, the accepted answers and why', () => {
    const reading = assessmentSchema.parse({
      ...writingResult,
      assessment_type: 'reading_academic',
      overall_band: 5,
      criteria_scores: {},
      inline_corrections: [],
      word_count: null,
      flags: [],
      raw_score: 2,
      question_results: [
        { question_number: 2, given: 'mangroves', expected: ['FALSE'], correct: false, reason: 'not a TRUE/FALSE/NOT GIVEN answer' },
        { question_number: 1, given: 'TRUE', expected: ['TRUE'], correct: true, reason: 'correct' },
        { question_number: 3, given: '', expected: ['salt water', 'seawater'], correct: false, reason: 'blank' },
      ],
    });
    render(<ResultView assessment={reading} />);
    expect(screen.getByText('2 of 40 correct')).toBeOnTheScreen();
    expect(screen.getAllByTestId(/^question-result-/).map((row) => row.props.testID)).toEqual([
      'question-result-1',
      'question-result-2',
      'question-result-3',
    ]);
    expect(screen.getByLabelText('Question 1: correct. You wrote "TRUE". Accepted: TRUE.')).toBeOnTheScreen();
    expect(
      screen.getByLabelText('Question 2: wrong. You wrote "mangroves". Accepted: FALSE. not a TRUE/FALSE/NOT GIVEN answer.'),
    ).toBeOnTheScreen();
    expect(screen.getByLabelText('Question 3: wrong. You wrote no answer. Accepted: salt water / seawater. blank.')).toBeOnTheScreen();
    expect(screen.queryByTestId('marked-answer')).toBeNull();
  });

  it('labels an AI result as an estimate, not the offline scorer’s', () => {
    const bedrock = assessmentSchema.parse({
      ...writingResult,
      ai_generated: true,
      provenance: { provider: 'bedrock', model_id: 'amazon.nova-micro-v1:0', token_usage: null, cost_usd: 0.0001, latency_ms: 900 },
    });
    render(<ResultView assessment={bedrock} />);
    expect(screen.getByText(/AI examiner \(Amazon Bedrock\)\. AI bands are estimates/)).toBeOnTheScreen();
    expect(screen.queryByText(/An estimate by the offline scorer/)).toBeNull();
  });

  it('says "Not assessed" for a criterion without a band, and marks a result a person will review', () => {
    const speaking = assessmentSchema.parse({
      ...writingResult,
      assessment_type: 'speaking',
      overall_band: 6,
      word_count: null,
      criteria_scores: {
        fluency_coherence: { band: 6, feedback: 'Some hesitation.' },
        lexical_resource: { band: 6, feedback: 'Adequate range.' },
        grammatical_range_accuracy: { band: 6, feedback: 'Mostly simple sentences.' },
        pronunciation: { band: null, feedback: '' },
      },
      inline_corrections: [],
      flags: ['pronunciation_not_assessed'],
      review: { required: true, reasons: ['The bands of two scorers differ by more than one band.'] },
    });
    render(<ResultView assessment={speaking} />);
    expect(within(screen.getByTestId('criterion-pronunciation')).getByText('Not assessed')).toBeOnTheScreen();
    expect(screen.getByText('A person will check this result.')).toBeOnTheScreen();
    expect(screen.getByText('• The bands of two scorers differ by more than one band.')).toBeOnTheScreen();
    expect(screen.getByText('Pronunciation not assessed')).toBeOnTheScreen();
  });

  it('shows no band for an assessment that is not finished', () => {
    const unfinished = assessmentSchema.parse({ ...writingResult, completed: false, overall_band: null, completed_at: null });
    render(<ResultView assessment={unfinished} />);
    expect(screen.getByText('This assessment is not finished yet, so it has no band.')).toBeOnTheScreen();
    expect(screen.queryByTestId('overall-band')).toBeNull();
  });
});
