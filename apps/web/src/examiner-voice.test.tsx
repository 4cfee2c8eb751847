import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExaminerVoiceControls, examinerSpeech, useExaminerVoice } from './examiner-voice.js';
import { fakeVoice, installSpeechSynthesis, type FakeSpeechSynthesis } from './fake-browser-media.js';

function Examiner({ text, promptKey }: { text: string; promptKey: string }) {
  const voice = useExaminerVoice(text, promptKey);
  return <ExaminerVoiceControls voice={voice} />;
}

const question = 'Do you work or are you a student?';
let synthesis: FakeSpeechSynthesis;
let uninstall: () => void;

beforeEach(() => {
  window.sessionStorage.clear();
  ({ synthesis, uninstall } = installSpeechSynthesis([fakeVoice('Samantha', 'en-US'), fakeVoice('Daniel', 'en-GB')]));
});
afterEach(() => uninstall());

const repeatButton = () => screen.getByRole('button', { name: /Repeat the question|Play the question/ }) as HTMLButtonElement;

describe('the examiner’s voice', () => {
  it('reads the question once when it appears, in British English with a British voice', () => {
    render(<Examiner text={question} promptKey="test-1:part1-0" />);
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual([question]);
    const [utterance] = synthesis.spoken;
    expect(utterance?.lang).toBe('en-GB');
    expect(utterance?.voice?.name).toBe('Daniel');
    expect(screen.getByRole('status').textContent).toBe('The examiner is speaking…');
    // No repeat while the question is still being read.
    expect(repeatButton().disabled).toBe(true);
  });

  it('repeats the question once on request, then the button stays disabled', () => {
    render(<Examiner text={question} promptKey="test-1:part1-0" />);
    act(() => synthesis.finishCurrent());
    expect(repeatButton().textContent).toContain('Repeat the question');
    expect(repeatButton().disabled).toBe(false);

    fireEvent.click(repeatButton());
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual([question, question]);
    act(() => synthesis.finishCurrent());
    expect(repeatButton().disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('The examiner repeats a question only once.');
    fireEvent.click(repeatButton());
    expect(synthesis.spoken).toHaveLength(2);
  });

  it('does not read a question again after a reload, nor give a fresh repeat', () => {
    const first = render(<Examiner text={question} promptKey="test-1:part1-0" />);
    act(() => synthesis.finishCurrent());
    fireEvent.click(repeatButton());
    act(() => synthesis.finishCurrent());
    first.unmount();

    render(<Examiner text={question} promptKey="test-1:part1-0" />);
    expect(synthesis.spoken).toHaveLength(2);
    expect(repeatButton().disabled).toBe(true);
  });

  it('reads the next question by itself when the prompt changes', () => {
    const view = render(<Examiner text={question} promptKey="test-1:part1-0" />);
    act(() => synthesis.finishCurrent());
    view.rerender(<Examiner text="What do you like about your job?" promptKey="test-1:part1-1" />);
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual([question, 'What do you like about your job?']);
  });

  it('counts no reading when the browser refuses to speak before a click, and offers to play it', async () => {
    synthesis.refuseWith = 'not-allowed';
    render(<Examiner text={question} promptKey="test-1:part1-0" />);
    await act(async () => undefined);
    expect(repeatButton().textContent).toContain('Play the question');
    expect(screen.getByRole('status').textContent).toContain('press play');

    synthesis.refuseWith = null;
    fireEvent.click(repeatButton());
    act(() => synthesis.finishCurrent());
    // That was the first reading: one repeat is still allowed.
    expect(repeatButton().textContent).toContain('Repeat the question');
    expect(repeatButton().disabled).toBe(false);
  });

  it('says the questions are shown as text only when the browser cannot speak', () => {
    uninstall();
    render(<Examiner text={question} promptKey="test-1:part1-0" />);
    expect(screen.getByTestId('examiner-voice').textContent).toContain(
      'This browser cannot speak, so the examiner’s questions are shown as text only',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('examinerSpeech', () => {
  it('reads a question as it is, and a cue card with its instruction, topic, points and closing line', () => {
    expect(examinerSpeech({ part: 1, prompt_id: 'part1-0', text: question, cue_card: [] })).toBe(question);
    const card = examinerSpeech({
      part: 2,
      prompt_id: 'part2-0',
      text: 'Describe a place in your town or city that you enjoy visiting',
      cue_card: ['where this place is', 'how often you go there', 'what you usually do there', 'and explain why you enjoy visiting it.'],
    });
    expect(card).toContain("You have one minute to think about what you're going to say");
    expect(card).toContain('Describe a place in your town or city that you enjoy visiting.');
    expect(card).toContain('You should say: where this place is; how often you go there; what you usually do there.');
    expect(card.endsWith('and explain why you enjoy visiting it.')).toBe(true);
  });
});
