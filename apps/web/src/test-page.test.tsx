import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from './app-context.js';
import { fakeApi } from './fake-api.js';
import { fakeVoice, installSpeechSynthesis, type FakeSpeechSynthesis } from './fake-browser-media.js';
import { TestPage } from './test-page.js';

const section1 = 'RECEPTIONIST: Good morning, Riverside Community Centre.\nANNA: Hello, I would like to enrol on a course.';
const section2 = 'Welcome to Heron Lake Nature Reserve.';
const question = {
  question_id: 'li-test-01',
  assessment_type: 'listening',
  title: 'Listening practice test 1',
  prompt: 'Listen and answer the questions.',
  time_limit: 30,
  sections: [
    { part: 1, title: 'Evening classes', transcript: section1 },
    { part: 2, title: 'Heron Lake', transcript: section2 },
  ],
  question_groups: [
    {
      group_id: 'g1',
      part: 1,
      instructions: 'Write ONE WORD ONLY.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      questions: [{ number: 1, text: 'The course is on ___ evenings.' }],
    },
    {
      group_id: 'g2',
      part: 2,
      instructions: 'Write ONE WORD ONLY.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      questions: [{ number: 2, text: 'The lake was once a ___ quarry.' }],
    },
  ],
};

let synthesis: FakeSpeechSynthesis;
let uninstall: () => void;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  window.localStorage.clear();
  ({ synthesis, uninstall } = installSpeechSynthesis([fakeVoice('Daniel', 'en-GB'), fakeVoice('Kate', 'en-GB')]));
});
afterEach(() => {
  uninstall();
  vi.useRealTimers();
});

async function settle() {
  for (let round = 0; round < 20; round += 1) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
  }
}

function renderTest() {
  const { webClient } = fakeApi({ 'GET /api/questions/li-test-01': () => ({ body: question }) });
  return render(
    <AppProvider webClient={webClient} initialUser={null}>
      <TestPage skill="listening" questionId="li-test-01" />
    </AppProvider>,
  );
}

describe('the listening test page', () => {
  it('asks for test or practice mode first, then plays each section without showing its transcript', async () => {
    renderTest();
    await settle();
    expect(screen.getByRole('radio', { name: /Test mode: each section plays once/ })).toHaveProperty('checked', true);
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start the test' }));

    expect(document.body.textContent).not.toContain('Good morning, Riverside Community Centre');
    expect(screen.getByText('The transcript is shown with your results, after you submit your answers.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '▶ Play section 1' }));
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual([
      'Good morning, Riverside Community Centre.',
      'Hello, I would like to enrol on a course.',
    ]);
    // One section at a time: section 2 waits.
    fireEvent.click(screen.getByRole('button', { name: /Section 2/ }));
    expect((screen.getByRole('button', { name: '▶ Play section 2' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => synthesis.finishAll());
    fireEvent.click(screen.getByRole('button', { name: '▶ Play section 2' }));
    expect(synthesis.spoken.map((utterance) => utterance.text).slice(2)).toEqual(['Welcome to Heron Lake Nature Reserve.']);
    expect(document.body.textContent).not.toContain('Welcome to Heron Lake Nature Reserve.');
  });

  it('in test mode does not give a section again after a reload', async () => {
    const first = renderTest();
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Start the test' }));
    fireEvent.click(screen.getByRole('button', { name: '▶ Play section 1' }));
    act(() => synthesis.finishAll());
    first.unmount();

    renderTest();
    await settle();
    // Straight back into the test, in the same mode, with section 1 played.
    expect(screen.queryByRole('button', { name: 'Start the test' })).toBeNull();
    const played = document.querySelector('[data-section-player="1"] button') as HTMLButtonElement;
    expect(played.textContent).toBe('Played');
    expect(played.disabled).toBe(true);
  });

  it('in practice mode replays sections freely', async () => {
    renderTest();
    await settle();
    fireEvent.click(screen.getByRole('radio', { name: /Practice mode/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Start the test' }));
    fireEvent.click(screen.getByRole('button', { name: '▶ Play section 1' }));
    act(() => synthesis.finishAll());
    fireEvent.click(screen.getByRole('button', { name: '▶ Play again' }));
    expect(synthesis.spoken).toHaveLength(4);
  });

  it('shows the transcript when the browser can neither play a recording nor speak', async () => {
    uninstall();
    renderTest();
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Start the test' }));
    expect(document.querySelector('[data-section-player="1"]')?.textContent).toBe(
      'This browser cannot read the recording aloud, so the transcript is shown instead.',
    );
    expect(document.body.textContent).toContain('Good morning, Riverside Community Centre.');
  });

  it('asks before submitting with questions left blank, and submits once confirmed', async () => {
    const { webClient, requests } = fakeApi({
      'GET /api/questions/li-test-01': () => ({ body: question }),
      'POST /api/listening/evaluate': () => ({
        status: 500,
        body: { error: { code: 'internal', message: 'Something went wrong on our side.', details: [] } },
      }),
    });
    render(
      <AppProvider webClient={webClient} initialUser={null}>
        <TestPage skill="listening" questionId="li-test-01" />
      </AppProvider>,
    );
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Start the test' }));
    fireEvent.change(screen.getByLabelText('Answer to question 1'), { target: { value: 'Tuesday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('You have left 1 question blank. Submit anyway?');
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Keep answering' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit anyway' }));
    await settle();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual(['/api/listening/evaluate']);
  });

  it('keeps the clock running across a reload: the deadline is kept with the answers', async () => {
    const first = renderTest();
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Start the test' }));
    expect(screen.getByRole('timer').textContent).toBe('Time left 30:00');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5 * 60_000);
    });
    first.unmount();

    renderTest();
    await settle();
    expect(screen.getByRole('timer').textContent).toBe('Time left 25:00');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(25 * 60_000);
    });
    // Once the time is up, the clock says so alone, not "Time left Time's up".
    expect(screen.getByRole('timer').textContent).toBe("Time's up");
  });
});
