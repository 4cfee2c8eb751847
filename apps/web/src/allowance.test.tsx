import { ASSESSMENT_TYPES, type AssessmentType } from '@ielts-genai-prep/core';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithFakeApi } from './render-with-fake-api.js';
import { SpeakingPage } from './speaking-page.js';
import { TestListPage } from './test-list-page.js';
import { TestPage } from './test-page.js';
import { WritingTaskPage } from './writing-task-page.js';

afterEach(() => {
  window.history.replaceState(null, '', '/');
  window.localStorage.clear();
});

/** The entitlements answer: three of each type, `used` of some used. */
function entitlements(used: Partial<Record<AssessmentType, number>>) {
  return {
    body: {
      entitlements: ASSESSMENT_TYPES.map((type) => ({
        assessment_type: type,
        granted: 3,
        used: used[type] ?? 0,
        remaining: 3 - (used[type] ?? 0),
      })),
    },
  };
}

const readingTest = {
  question_id: 'ra-test-01',
  assessment_type: 'reading_academic',
  title: 'Academic Reading practice test 1',
  prompt: 'Read the passage and answer the questions.',
  time_limit: 60,
  passages: [{ part: 1, title: 'Sand', text: 'Sand is made of small grains.' }],
  question_groups: [
    {
      group_id: 'g1',
      part: 1,
      instructions: 'Write ONE WORD ONLY.',
      answer_format: { kind: 'words', max_words: 1, numbers_allowed: false },
      questions: [{ number: 1, text: 'Sand is made of ___.' }],
    },
  ],
};
const listeningTest = {
  ...readingTest,
  question_id: 'li-test-01',
  assessment_type: 'listening',
  title: 'Listening practice test 1',
  passages: [],
  sections: [{ part: 1, title: 'Evening classes', transcript: 'Good morning.' }],
};
const essayQuestion = {
  question_id: 'w2-001',
  assessment_type: 'writing_task2',
  title: 'Universities and jobs',
  prompt: 'Discuss both views.',
  time_limit: 40,
  word_limit: 250,
};
const speakingSet = {
  question_id: 'sp-001',
  assessment_type: 'speaking',
  title: 'Home town, music, travel',
  prompt: 'Speaking test',
  time_limit: 14,
  speaking: {
    part1: { topic: 'Your home town', questions: ['Where is your home town?'] },
    part2: { topic: 'Describe a journey', prompts: ['where you went'], closing: 'and explain why you remember it.' },
    part3: { topic: 'Travel', questions: ['Why do people travel?'] },
  },
};

const allowanceText = () => screen.findByTestId('allowance').then((element) => element.textContent);

describe('the allowance before effort', () => {
  it('shows what is left of a type on its list page, with a link to buy more', async () => {
    window.history.replaceState(null, '', '/reading?type=reading_academic');
    renderWithFakeApi(<TestListPage skill="reading" />, {
      'GET /api/entitlements': () => entitlements({ reading_academic: 1 }),
      'GET /api/questions': () => ({ body: { items: [readingTest], next_cursor: null } }),
    });
    expect(await allowanceText()).toBe('You have 2 of 3 Reading (Academic) assessments left. Buy more');
    expect(within(screen.getByTestId('allowance')).getByRole('link', { name: 'Buy more' }).getAttribute('href')).toBe(
      '/buy?type=reading_academic',
    );
  });

  it('at 0 left, disables every speaking test’s start button, saying why, with a link to buy', async () => {
    const requests = renderWithFakeApi(<SpeakingPage />, {
      'GET /api/entitlements': () => entitlements({ speaking: 3 }),
      'GET /api/questions': () => ({ body: { items: [speakingSet, { ...speakingSet, question_id: 'sp-002' }], next_cursor: null } }),
    });
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Start this test' })).toHaveLength(2));
    expect(await allowanceText()).toContain(
      'You have used all 3 of your Speaking assessments, so you cannot start another one until you buy more.',
    );
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: 'Start this test' }).every((button) => (button as HTMLButtonElement).disabled)).toBe(
        true,
      ),
    );
    const button = screen.getAllByRole('button', { name: 'Start this test' })[0]!;
    const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('None left to start. Buy more Speaking assessments');
    expect(within(reason!).getByRole('link').getAttribute('href')).toBe('/buy?type=speaking');
    button.click();
    expect(requests.filter((request) => request.path === '/api/speaking/sessions')).toHaveLength(0);
  });

  it('with some left, the speaking tests can be started', async () => {
    renderWithFakeApi(<SpeakingPage />, {
      'GET /api/entitlements': () => entitlements({ speaking: 2 }),
      'GET /api/questions': () => ({ body: { items: [speakingSet], next_cursor: null } }),
    });
    expect(await allowanceText()).toBe('You have 1 of 3 Speaking assessments left. Buy more');
    expect((screen.getByRole('button', { name: 'Start this test' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('at 0 left, a writing task cannot be written or submitted, and says why before any effort', async () => {
    renderWithFakeApi(<WritingTaskPage questionId="w2-001" />, {
      'GET /api/entitlements': () => entitlements({ writing_task2: 3 }),
      'GET /api/questions/w2-001': () => ({ body: essayQuestion }),
    });
    expect(await allowanceText()).toContain('No Writing Task 2 assessments left');
    const submit = screen.getByRole('button', { name: 'Submit for scoring' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect((screen.getByLabelText('Your answer') as HTMLTextAreaElement).disabled).toBe(true);
    expect(document.getElementById(submit.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'None left to start. Buy more Writing Task 2 assessments',
    );
  });

  it('at 0 left, a listening test cannot be started, and a reading test shows a disabled start instead of its questions', async () => {
    renderWithFakeApi(<TestPage skill="listening" questionId="li-test-01" />, {
      'GET /api/entitlements': () => entitlements({ listening: 3, reading_academic: 3 }),
      'GET /api/questions/li-test-01': () => ({ body: listeningTest }),
    });
    expect(await allowanceText()).toContain('You have used all 3 of your Listening assessments');
    expect((screen.getByRole('button', { name: 'Start the test' }) as HTMLButtonElement).disabled).toBe(true);
    screen.getByRole('button', { name: 'Start the test' }).click();
    expect(document.querySelector('[data-section-player]')).toBeNull();
  });

  it('at 0 left, a reading test shows a disabled start instead of its questions', async () => {
    renderWithFakeApi(<TestPage skill="reading" questionId="ra-test-01" />, {
      'GET /api/entitlements': () => entitlements({ reading_academic: 3 }),
      'GET /api/questions/ra-test-01': () => ({ body: readingTest }),
    });
    expect(await allowanceText()).toContain('You have used all 3 of your Reading (Academic) assessments');
    expect((screen.getByRole('button', { name: 'Start the test' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
  });

  it('holds nothing back when the allowance cannot be read: the server still decides', async () => {
    renderWithFakeApi(<WritingTaskPage questionId="w2-001" />, { 'GET /api/questions/w2-001': () => ({ body: essayQuestion }) });
    await screen.findByRole('button', { name: 'Submit for scoring' });
    expect((screen.getByRole('button', { name: 'Submit for scoring' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('allowance')).toBeNull();
  });
});
