// @vitest-environment node
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, startReferenceServer, toneWav, type ReferenceServer } from './reference-server.js';
import { startStripeStandInProcess, type StripeStandInProcess } from './stripe-stand-in-process.js';

// Debian's Chromium, never a downloaded browser build.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // A synthetic microphone (a beep), allowed without a prompt, so MediaRecorder really records.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];
const SCREENSHOTS = '/tmp/ielts-web-e2e';

/** What the page asked the browser to say, as the spy below records it. */
interface SpokenUtterance {
  text: string;
  lang: string;
  voice: string | null;
  pitch: number;
  rate: number;
}

/**
 * Runs in every page before the app. Headless Chromium has neither voices that finish speaking
 * nor a speech recognition service, so: `speechSynthesis.speak` records each utterance and ends
 * it promptly (firing `start` and `end`, as a browser does), and `webkitSpeechRecognition` is a
 * stand-in that, once started, hears `window.__heard` (a tentative phrase, then the settled one).
 */
function browserSpeechStandIns(): void {
  const scope = window as unknown as {
    __spoken: SpokenUtterance[];
    __heard: string;
    webkitSpeechRecognition: unknown;
    SpeechRecognition: unknown;
  };
  scope.__spoken = [];
  scope.__heard = '';
  speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    scope.__spoken.push({
      text: utterance.text,
      lang: utterance.lang,
      voice: utterance.voice?.name ?? null,
      pitch: utterance.pitch,
      rate: utterance.rate,
    });
    setTimeout(() => {
      utterance.dispatchEvent(new Event('start'));
      utterance.dispatchEvent(new Event('end'));
    }, 20);
  };
  speechSynthesis.cancel = () => undefined;
  class StandInRecognition {
    lang = '';
    continuous = false;
    interimResults = false;
    maxAlternatives = 1;
    onresult: ((event: unknown) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    onend: (() => void) | null = null;
    private live = false;
    start() {
      this.live = true;
      const heard = scope.__heard;
      const words = heard.split(' ');
      const result = (transcript: string, isFinal: boolean) => Object.assign([{ transcript, confidence: 0.9 }], { isFinal });
      setTimeout(() => {
        if (this.live && heard) this.onresult?.({ resultIndex: 0, results: [result(words.slice(0, 3).join(' '), false)] });
      }, 100);
      setTimeout(() => {
        if (this.live && heard) this.onresult?.({ resultIndex: 0, results: [result(heard, true)] });
      }, 400);
    }
    stop() {
      this.live = false;
      setTimeout(() => this.onend?.(), 20);
    }
    abort() {
      this.stop();
    }
  }
  scope.webkitSpeechRecognition = StandInRecognition;
  scope.SpeechRecognition = StandInRecognition;
}

const spokenTexts = async (): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __spoken: SpokenUtterance[] }).__spoken.map((utterance) => utterance.text));
const spoken = async (): Promise<SpokenUtterance[]> => page.evaluate(() => (window as unknown as { __spoken: SpokenUtterance[] }).__spoken);
const hear = async (text: string) => page.evaluate((heard) => ((window as unknown as { __heard: string }).__heard = heard), text);
/** `m:ss` of a timer's text, in seconds. */
const clockSeconds = (text: string | null) => {
  const match = /(\d+):(\d\d)/.exec(text ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
};

const email = `ada.${Date.now()}@example.com`;
const password = 'correct horse battery staple';

const essay = `Some people believe that universities should only offer courses which prepare students directly for a particular job. In my opinion, although practical training has clear benefits, limiting higher education in this way would be a serious mistake for both individuals and society.

On the one hand, there are understandable reasons for this view. Tuition fees are high, and many graduates struggle to find work that matches their qualifications. If every course led to a specific career, such as nursing, engineering or accounting, students would be more confident that their investment would be repaid. Employers would also benefit, because new staff would arrive with the skills they need from the first day.

On the other hand, a narrow focus on employment ignores how quickly the job market changes. Many of the roles that exist today did not exist twenty years ago, and many current jobs may disappear because of automation. Subjects such as history, philosophy and literature teach students to analyse evidence, write clearly and think critically. These abilities are valuable in almost every profession, and they help people to adapt when their first career is no longer available. Furthermore, universities are places where new knowledge is created, and pure research in areas like mathematics has often led to practical inventions much later.

In conclusion, while courses that train students for particular jobs are important, universities should continue to offer a broad range of subjects. A balanced system prepares graduates not only for their first job but also for a lifetime of learning and change.`;

const STRIPE_WEBHOOK_SECRET = 'whsec_webE2eSigningSecret';

let server: ReferenceServer;
let stripe: StripeStandInProcess;
/** The server itself (its PUBLIC_URL, where checkout returns), not the recording proxy in front of it. */
let serverUrl = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
// What Chromium refused under the server's Content-Security-Policy, in the whole journey.
const cspViolations: string[] = [];
// Every console error of the whole journey, with the address it is about.
const consoleErrors: Array<{ text: string; url: string }> = [];
let writingAssessmentPath = '';

const mainNavigation = () => page.getByRole('navigation', { name: 'Main' });

async function screenshot(name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The page at desktop width and at a phone's (390 px), checking nothing runs off the phone's screen. */
async function screenshotsAtBothWidths(name: string): Promise<void> {
  // From the top: a full-page shot taken scrolled down draws the sticky header half way down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(`${name}-desktop`);
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(`${name}-phone`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

/** Submits a reading or listening test with questions left blank: the page asks first. */
async function submitWithBlanks(blank: number): Promise<void> {
  await page.getByRole('button', { name: 'Submit answers' }).click();
  expect(await page.getByRole('alertdialog').textContent()).toContain(
    `You have left ${blank === 1 ? '1 question' : `${blank} questions`} blank. Submit anyway?`,
  );
  await page.getByRole('button', { name: 'Submit anyway' }).click();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Payments go to the Stripe stand-in, which delivers each completed checkout's event three times at once.
  stripe = await startStripeStandInProcess(STRIPE_WEBHOOK_SECRET);
  // Checkout returns to PUBLIC_URL, so the server's port is chosen before it starts.
  const port = await findFreePort();
  serverUrl = `http://127.0.0.1:${port}`;
  // The seeded listening test has no recordings: the lecture (section 4) gets one here, to be played rather than read out.
  server = await startReferenceServer({
    recordedSections: [{ questionId: 'li-test-01', part: 4, audio: toneWav(2), mimeType: 'audio/wav', durationSeconds: 2 }],
    env: {
      PORT: String(port),
      PUBLIC_URL: serverUrl,
      STRIPE_SECRET_KEY: 'sk_test_webE2eKey',
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_BASE: stripe.apiBase,
    },
  });
  await stripe.configureWebhook(`${serverUrl}/api/purchases/webhook`, 3);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(browserSpeechStandIns);
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    if (message.type() === 'error') consoleErrors.push({ text: message.text(), url: message.location().url });
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  await stripe?.stop();
});

describe('the learner web app on the reference server, in Chromium', { timeout: 60_000 }, () => {
  it('registers, showing the server’s field errors beside the field, and confirms the email', async () => {
    await page.goto('/sign-up');
    await page.getByLabel('Your name (optional)').fill('Ada');
    await page.getByLabel('Email').fill(email);
    // Long enough for the contract, but on the server's list of common passwords.
    await page.getByLabel('Password', { exact: true }).fill('password123');
    await page.getByLabel('Confirm password').fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();
    const passwordField = page.getByLabel('Password', { exact: true });
    await expect.poll(() => passwordField.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await passwordField.getAttribute('aria-describedby'))?.split(' ').pop() ?? '';
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('is too common');

    await passwordField.fill(password);
    await page.getByLabel('Confirm password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/check-email/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');
    expect(await page.locator('main').textContent()).toContain(email);

    // The server answers before it sends mail (the mail is queued), so the message arrives just after.
    let mail: string | undefined;
    await expect
      .poll(
        async () => {
          mail = (await server.emails()).find((text) => text.includes(`To: ${email}`) && text.includes('/verify-email?token='));
          return mail !== undefined;
        },
        { message: server.output(), timeout: 15_000 },
      )
      .toBe(true);
    const link = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(mail ?? '')?.[0] ?? '';
    const url = new URL(link);
    await page.goto(url.pathname + url.search);
    await expect.poll(() => page.locator('main').textContent()).toContain('Your email address is confirmed');
  });

  it('signs in and shows the dashboard with what is left of each assessment type', async () => {
    await page.goto('/history');
    // Signed out: the protected page sends the learner to sign in, and back afterwards.
    await page.waitForURL(/\/sign-in\?next=%2Fhistory/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Could not sign in');

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/history$/);
    await mainNavigation().getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Ada');
    const task2 = page.locator('[data-entitlement="writing_task2"]');
    await expect.poll(() => task2.textContent()).toContain('3 of 3 left');
    expect(await page.locator('[data-testid="entitlements"] li').count()).toBe(7);
  });

  it('draws an Academic task 1 bar chart from its data', async () => {
    await page.goto('/writing?type=writing_task1_academic');
    await page.getByRole('link', { name: /Weekly hours spent on leisure activities/ }).click();
    await page.waitForURL(/\/writing\/w1a-001$/);
    await page.locator('svg[data-chart="bar"]').waitFor();
    expect(await page.locator('rect.chart-bar').count()).toBe(15);
    const values = await page.locator('rect.chart-bar').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-value'))));
    expect(Math.max(...values)).toBe(14.5);
    expect(await page.getByRole('img', { name: /Average weekly hours spent on leisure activities/ }).count()).toBe(1);
    await screenshot('writing-task1-chart');
  });

  it('writes a Task 2 essay with a live word count, submits it, and shows a band, the criteria and the provenance', async () => {
    await page.goto('/writing');
    await page.locator('.question-card').first().click();
    await page.waitForURL(/\/writing\/w2-/);
    const editor = page.getByLabel('Your answer');
    await editor.fill('Universities matter.');
    await expect.poll(() => page.getByTestId('word-count').textContent()).toBe('2');
    expect(await page.getByTestId('word-counter').textContent()).toContain('248 more to reach the minimum of 250');
    await editor.fill(essay);
    const words = Number(await page.getByTestId('word-count').textContent());
    expect(words).toBeGreaterThanOrEqual(250);
    expect(await page.getByTestId('word-counter').textContent()).toContain('minimum of 250 reached');
    expect(await page.getByRole('timer').textContent()).toMatch(/Time left\s+(39|40):\d\d/);
    await screenshot('writing-task2-editor');

    await page.getByRole('button', { name: 'Submit for scoring' }).click();
    await page.waitForURL(/\/assessments\/[^/]+$/, { timeout: 60_000 });
    writingAssessmentPath = new URL(page.url()).pathname;
    await page.getByTestId('overall-band').waitFor();
    expect(await page.getByTestId('overall-band').textContent()).toMatch(/Overall band\s*\d\.\d/);
    const criteria = await page.locator('[data-criterion] h4').allTextContents();
    expect(criteria).toEqual(['Task Response', 'Coherence and Cohesion', 'Lexical Resource', 'Grammatical Range and Accuracy']);
    const bands = await page.locator('[data-criterion] .criterion-band').allTextContents();
    for (const band of bands) expect(band).toMatch(/^\d\.\d$/);
    expect(await page.getByTestId('provider').textContent()).toBe('Offline scorer (runs without an AI model)');
    expect(await page.getByTestId('result-word-count').textContent()).toBe(`${words} words`);
    expect(await page.getByTestId('highlighted-essay').textContent()).toContain('Some people believe that universities');
    await screenshot('writing-task2-result');

    // Report this result.
    await page.getByText('Report this result').click();
    await page.getByLabel('What is the problem?').selectOption('score_seems_wrong');
    await page.getByLabel('Details (optional)').fill('I expected a higher band for coherence.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.locator('.report').textContent()).toContain('Thank you');
  });

  it('takes part of the Academic reading test and shows each question’s marking, the raw score and band', async () => {
    await page.goto('/reading');
    await page.getByRole('link', { name: /Academic Reading practice test 1/ }).click();
    await page.waitForURL(/\/reading\/ra-test-01$/);
    expect(await page.locator('.passage h2').textContent()).toBe('Forests on the Tideline');
    await page.getByRole('radiogroup', { name: 'Question 1' }).getByLabel('TRUE').check();
    await page.getByRole('radiogroup', { name: 'Question 2' }).getByLabel('FALSE').check();
    // A wrong answer, to see it marked wrong with the accepted answer.
    await page.getByRole('radiogroup', { name: 'Question 3' }).getByLabel('TRUE').check();
    await page.getByLabel('Answer to question 7').fill('filters');
    // Questions 7–10 label a drawn mangrove tree: a numbered callout per answer field, inside the drawing, no part named.
    const labelling = page.getByRole('region', { name: 'Questions 7–10' });
    const diagram = labelling.getByRole('img', { name: /^A mangrove tree at low tide\. Parts to label: 7 at the bottom left, 8 at/ });
    expect(await diagram.locator('[data-callout]').allTextContents()).toEqual(['7', '8', '9', '10']);
    expect(await diagram.locator('title').count()).toBe(0);
    expect(await labelling.getByRole('textbox').evaluateAll((fields) => fields.map((field) => field.getAttribute('aria-label')))).toEqual(
      [7, 8, 9, 10].map((number) => `Answer to question ${number}`),
    );
    const frame = await diagram.boundingBox();
    expect(frame?.width).toBeGreaterThan(200);
    for (const callout of await diagram.locator('[data-callout] circle').all()) {
      const box = await callout.boundingBox();
      expect(box && frame && box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width).toBe(true);
      expect(box && frame && box.y + box.height <= frame.y + frame.height).toBe(true);
    }
    await labelling.screenshot({ path: path.join(SCREENSHOTS, 'reading-diagram.png') });
    await page.getByRole('button', { name: /Passage 2/ }).click();
    expect(await page.locator('.passage h2').textContent()).toBe('The Box That Shrank the World');
    await page.getByRole('radiogroup', { name: 'Question 14' }).getByLabel('iv', { exact: true }).check();
    expect(await page.getByTestId('answered-count').textContent()).toBe('5 of 40 answered');
    await screenshot('reading-test');

    await submitWithBlanks(35);
    await page.waitForURL(/\/assessments\/[^/]+$/);
    await page.getByTestId('raw-score').waitFor();
    expect(await page.getByTestId('raw-score').textContent()).toBe('4 of 40 correct');
    expect(await page.getByTestId('overall-band').textContent()).toMatch(/Overall band\s*\d\.\d/);
    const rows = page.locator('[data-question-result]');
    expect(await rows.count()).toBe(40);
    // Each row: the question's number and text, the answer given, the accepted answers, the mark and why.
    const row = async (number: number) =>
      (await page.locator(`[data-question-result="${number}"]`).locator('th, td').allTextContents()).map((cell) => cell.trim());
    expect(await row(1)).toEqual([
      '1Mangrove trees grow in places that are covered by sea water twice a day.',
      'TRUE',
      'TRUE',
      '✓ Correct',
    ]);
    expect(await row(3)).toEqual([
      '3The salt crystals that form on some mangrove leaves are eaten by insects.',
      'TRUE',
      'NOT GIVEN',
      '✗ IncorrectNot the answer: the answer is “NOT GIVEN”.',
    ]);
    expect(await row(7)).toEqual(['7roots that work as very fine ________ to keep out salt', 'filters', 'filters', '✓ Correct']);
    expect(await row(8)).toEqual([
      '8salt pushed out through ________ on the leaves',
      '(blank)',
      'glands',
      '✗ IncorrectLeft blank. A wrong answer costs nothing, so always write something.',
    ]);
    const feedback = (await page.locator('section', { has: page.getByRole('heading', { name: 'Feedback' }) }).textContent()) ?? '';
    expect(feedback).toContain('You got 4 of 40 right: band');
    expect(feedback).not.toMatch(/commonly-published|raw-score table|[.,;:]{2}/);
    await screenshotsAtBothWidths('reading-result');
  });

  it('lists both assessments in the history, newest first, and opens them', async () => {
    await mainNavigation().getByRole('link', { name: 'History' }).click();
    await page.waitForURL(/\/history$/);
    const rows = page.locator('[data-testid="assessment-rows"] .assessment-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-assessment-type')))).toEqual([
      'reading_academic',
      'writing_task2',
    ]);
    expect(await rows.nth(1).textContent()).toContain('Writing Task 2');
    await screenshot('history');
    await rows.nth(1).getByRole('link').click();
    await page.waitForURL((url) => url.pathname === writingAssessmentPath);
    await page.getByTestId('overall-band').waitFor();

    await mainNavigation().getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.locator('[data-entitlement="writing_task2"]').textContent()).toContain('2 of 3 left');
    await expect.poll(() => page.locator('[data-entitlement="reading_academic"]').textContent()).toContain('2 of 3 left');
    await expect.poll(() => page.locator('[data-skill="reading"] .skill-band').textContent()).toMatch(/^\d\.\d$/);
    await screenshot('dashboard');
  });

  it('takes a speaking test by voice: the examiner speaks, answers are recorded and transcribed on the device, the cue card runs on its timers, and Pronunciation is not assessed', {
    timeout: 180_000,
  }, async () => {
    // The page's clock, to move the countdowns on without waiting for them.
    await page.clock.install();
    await page.goto('/speaking');
    // The offline scorer does not transcribe audio, and this browser (the stand-in) recognises speech.
    const path = page.getByTestId('transcript-path');
    await expect.poll(() => path.getAttribute('data-transcript-path')).toBe('device');
    expect(await path.textContent()).toContain('Pronunciation is marked “not assessed”');
    await screenshot('speaking-start');
    await page.locator('.question-card', { hasText: 'Places in your town' }).getByRole('button', { name: 'Start this test' }).click();
    await page.waitForURL(/\/speaking\/sessions\/[^/]+$/);
    const sessionPath = new URL(page.url()).pathname;
    const question = page.locator('#speaking-prompt');
    const answer = page.locator('.answer-panel textarea');
    const speakingPhase = () => page.locator('.speaking').getAttribute('data-phase');

    // The examiner asks the first question aloud, once, and repeats it once on request.
    await expect.poll(() => question.textContent()).toBe('Where is your home town?');
    await expect.poll(spokenTexts).toEqual(['Where is your home town?']);
    expect((await spoken())[0]).toMatchObject({ lang: 'en-GB' });
    const repeat = page.getByRole('button', { name: /Repeat the question/ });
    await expect.poll(() => repeat.isEnabled()).toBe(true);
    await repeat.click();
    await expect.poll(spokenTexts).toEqual(['Where is your home town?', 'Where is your home town?']);
    await expect.poll(() => repeat.isDisabled()).toBe(true);

    // Answered by voice: the (synthetic) microphone records while the device transcribes.
    await hear('My home town is Whitby, a small fishing town on the north east coast of England');
    await page.getByRole('button', { name: /Record your answer/ }).click();
    await expect.poll(() => page.getByTestId('live-transcript').textContent()).toContain('My home town');
    await page.waitForTimeout(1_500);
    await page.getByRole('button', { name: /Stop recording/ }).click();
    await expect.poll(() => answer.inputValue()).toBe('My home town is Whitby, a small fishing town on the north east coast of England');
    expect(await page.getByTestId('transcript-source').textContent()).toContain('Recognised on this device');
    await page.getByLabel('Your recording', { exact: true }).waitFor();
    await screenshot('speaking-recorded-answer');
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await expect.poll(() => question.textContent()).toBe('What do you like most about living there?');
    await expect.poll(spokenTexts).toContain('What do you like most about living there?');

    // Left half way: the history offers to resume it, at no cost so far.
    await mainNavigation().getByRole('link', { name: 'History' }).click();
    const unfinished = page.locator('[data-in-progress="true"]');
    await expect.poll(() => unfinished.getByTestId('in-progress-status').textContent()).toBe('In progress — not scored, costs nothing');
    await screenshot('history-in-progress');
    await unfinished.getByRole('link', { name: 'Resume' }).click();
    await page.waitForURL((url) => url.pathname === sessionPath);
    await expect.poll(() => question.textContent()).toBe('What do you like most about living there?');

    // The rest of Part 1, typed: twelve questions, three topics of four.
    for (let index = 1; index < 12; index += 1) {
      expect(await speakingPhase()).toBe('part1');
      const asked = await question.textContent();
      await answer.fill(
        `My answer to the question "${asked}" is that I live in a small town by the sea, and I like it because it is quiet and friendly.`,
      );
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await expect.poll(() => page.getByText(`${index + 1} answers given`).count()).toBe(1);
    }

    // Part 2: the cue card is read out, and a one-minute preparation countdown runs on the page's clock.
    await expect.poll(speakingPhase).toBe('part2_preparation');
    expect(await question.textContent()).toBe('Describe a place in your town or city that you enjoy visiting');
    expect(await page.locator('.cue-card li').allTextContents()).toEqual([
      'where this place is',
      'how often you go there',
      'what you usually do there',
    ]);
    await expect
      .poll(async () =>
        (await spokenTexts()).some((text) =>
          text.includes('Describe a place in your town or city that you enjoy visiting. You should say: where this place is'),
        ),
      )
      .toBe(true);
    const timer = page.getByRole('timer');
    const before = clockSeconds(await timer.textContent());
    expect(before).toBeGreaterThan(40);
    await page.clock.fastForward(15_000);
    await expect.poll(async () => before - clockSeconds(await timer.textContent())).toBeGreaterThanOrEqual(15);
    expect(await timer.textContent()).toMatch(/^Preparation time\s+0:\d\d$/);
    await page.getByLabel('Your notes').fill('the harbour\nevery weekend\nboats, coffee');
    await screenshot('speaking-preparation');

    // "Start talking now" skips the rest of the minute; recording starts, and so do the two minutes.
    await hear('I would like to talk about the harbour in my town which is about ten minutes from my house');
    await page.getByRole('button', { name: 'Start talking now' }).click();
    await expect.poll(speakingPhase).toBe('part2_talk');
    await page.getByRole('button', { name: /Stop recording/ }).waitFor();
    const talkTimer = page.getByRole('timer');
    await expect.poll(() => talkTimer.textContent()).toMatch(/^Talk time left\s+(2:00|1:5\d)$/);
    // The cue card and the notes stay in view during the talk.
    expect(await page.locator('.cue-card li').count()).toBe(3);
    expect(await page.getByTestId('talk-notes').textContent()).toBe('the harbour\nevery weekend\nboats, coffee');
    // The page's clock alone moves the talk timer: five seconds on it are five seconds off the two minutes.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    // Paused, the timer stops changing once the page has drawn its last tick.
    let talkBefore = Number.NaN;
    await expect
      .poll(async () => {
        const previous = talkBefore;
        talkBefore = clockSeconds(await talkTimer.textContent());
        await page.waitForTimeout(250);
        return previous === talkBefore && clockSeconds(await talkTimer.textContent()) === talkBefore;
      })
      .toBe(true);
    await page.clock.runFor(5_000);
    await expect.poll(async () => talkBefore - clockSeconds(await talkTimer.textContent())).toBe(5);
    await page.clock.resume();
    await screenshot('speaking-talk');
    await page.waitForTimeout(1_500);
    await page.getByRole('button', { name: /Stop recording/ }).click();
    await expect
      .poll(() => answer.inputValue())
      .toBe('I would like to talk about the harbour in my town which is about ten minutes from my house');
    await page.getByRole('button', { name: 'Submit answer' }).click();

    // The follow-up question: spoken, and the talk timer gone.
    await expect.poll(() => question.textContent()).toBe('Do your friends like this place too?');
    expect(await page.getByText('Talk time left').count()).toBe(0);
    expect(await page.getByTestId('talk-notes').count()).toBe(0);
    await expect.poll(spokenTexts).toContain('Do your friends like this place too?');
    await answer.fill('Yes, most of my friends like it, especially in summer when we swim there.');
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await expect.poll(speakingPhase).toBe('part3');
    await answer.fill(
      'People in my country like parks, beaches and markets, because they can meet friends there without spending much money.',
    );
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('button', { name: 'Finish and get my score' }).click();

    await page.waitForURL(/\/assessments\/[^/]+$/, { timeout: 60_000 });
    await page.getByTestId('overall-band').waitFor();
    expect(await page.getByTestId('overall-band').textContent()).toMatch(/Overall band\s*\d\.\d/);
    expect(await page.locator('[data-criterion] h4').allTextContents()).toEqual([
      'Fluency and Coherence',
      'Lexical Resource',
      'Grammatical Range and Accuracy',
      'Pronunciation',
    ]);
    expect(await page.locator('[data-criterion="pronunciation"] .criterion-band').textContent()).toBe('Not assessed');
    expect(await page.getByTestId('pronunciation-reason').textContent()).toContain('Your answers were transcribed on your device or typed');
    expect(await page.locator('.turns li').count()).toBe(15);
    await screenshot('speaking-result');

    // The stored submission: the spoken answers arrived with their audio, duration and device transcript (timed words), the rest typed.
    const stored = (await (await page.request.get(`/api${new URL(page.url()).pathname}`)).json()) as {
      submission: {
        turns: Array<{
          part: number;
          prompt_id: string;
          has_audio: boolean;
          duration_ms: number | null;
          transcript_source: string | null;
          transcript: { text: string; words: Array<{ word: string; start_ms: number; end_ms: number }> } | null;
        }>;
      };
    };
    const [first, ...rest] = stored.submission.turns;
    expect(first).toMatchObject({ prompt_id: 'part1-0', has_audio: true, transcript_source: 'device' });
    expect(first?.transcript?.words.map((word) => word.word).join(' ')).toBe(
      'My home town is Whitby, a small fishing town on the north east coast of England',
    );
    expect(first?.duration_ms).toBeGreaterThan(1_000);
    const talk = rest.find((entry) => entry.prompt_id === 'part2-0');
    expect(talk).toMatchObject({ has_audio: true, transcript_source: 'device' });
    expect(talk?.duration_ms).toBeGreaterThan(1_000);
    expect(stored.submission.turns.filter((entry) => entry.has_audio)).toHaveLength(2);
    expect(stored.submission.turns.filter((entry) => entry.transcript_source === 'typed')).toHaveLength(13);
  });

  it('draws the progress chart from three results: a point per result, each at its band, and says why there is no overall band yet', async () => {
    const history = (await (await page.request.get('/api/assessments')).json()) as {
      items: Array<{
        assessment_type: string;
        overall_band: number | null;
        completed: boolean;
        completed_at: string | null;
        timestamp: string;
      }>;
    };
    const scored = history.items
      .filter((item) => item.completed)
      .sort((left, right) => Date.parse(left.completed_at ?? left.timestamp) - Date.parse(right.completed_at ?? right.timestamp));
    expect(scored.map((item) => item.assessment_type)).toEqual(['writing_task2', 'reading_academic', 'speaking']);
    await mainNavigation().getByRole('link', { name: 'Dashboard' }).click();
    const chart = page.getByTestId('progress-chart');
    await chart.waitFor();
    // The dashboard shows what it read before while it reads afresh (react-query), so the chart
    // may first be the one from before the speaking result; it must become this one.
    const series = () =>
      chart
        .locator('[data-series]')
        .evaluateAll((groups) => groups.map((group) => [group.getAttribute('data-series'), group.getAttribute('data-bands')]));
    await expect.poll(series, { timeout: 30_000, interval: 250 }).toEqual([
      ['reading', String(scored[1]?.overall_band)],
      ['writing', String(scored[0]?.overall_band)],
      ['speaking', String(scored[2]?.overall_band)],
    ]);
    // One step along the chart per result, oldest on the left.
    const xs = await chart
      .locator('[data-series] circle')
      .evaluateAll((circles) => circles.map((circle) => Number(circle.getAttribute('cx'))));
    expect(new Set(xs).size).toBe(3);
    expect(await chart.locator('[data-series="overall"]').count()).toBe(0);
    expect(await page.getByTestId('overall-explanation').textContent()).toBe(
      'Take a Listening test to see your estimated overall band: it needs a band in all four skills.',
    );
    expect(await page.locator('[data-skill="writing"]').textContent()).toContain(
      'From your latest task; take both tasks for a Writing band. Best single result',
    );
    // A history row names its question and opens its result; a speaking row shows the same time as its result.
    await mainNavigation().getByRole('link', { name: 'History' }).click();
    const speakingRow = page.locator('[data-testid="assessment-rows"] .assessment-row[data-assessment-type="speaking"]').first();
    expect(await speakingRow.locator('.assessment-title').textContent()).toContain('Places in your town');
    const rowTime = await speakingRow.locator('.assessment-date').textContent();
    await speakingRow.getByRole('link').click();
    await page.waitForURL(/\/assessments\/[^/]+$/);
    expect(await page.getByTestId('result-time').textContent()).toBe(rowTime);
    await mainNavigation().getByRole('link', { name: 'Dashboard' }).click();
    await chart.waitFor();
    await screenshotsAtBothWidths('dashboard-progress');
  });

  it('discards a speaking test left unfinished, at no cost', async () => {
    await mainNavigation().getByRole('link', { name: 'Speaking' }).click();
    await page.locator('.question-card', { hasText: 'Places in your town' }).getByRole('button', { name: 'Start this test' }).click();
    await page.waitForURL(/\/speaking\/sessions\/[^/]+$/);
    const discardedId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.locator('#speaking-prompt').waitFor();

    await mainNavigation().getByRole('link', { name: 'Speaking' }).click();
    const unfinished = page.getByTestId('unfinished-tests').locator('[data-in-progress="true"]');
    await expect.poll(() => unfinished.count()).toBe(1);
    await unfinished.getByRole('button', { name: 'Discard' }).click();
    await unfinished.getByRole('button', { name: 'Yes, discard' }).click();
    await expect.poll(() => page.getByTestId('unfinished-tests').count()).toBe(0);
    expect((await page.request.get(`/api/assessments/${encodeURIComponent(discardedId)}`)).status()).toBe(404);
    await mainNavigation().getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.locator('[data-entitlement="speaking"]').textContent()).toContain('2 of 3 left');
  });

  it('plays each listening section once in test mode (read out, or its recording), without its transcript, and shows the transcripts with the result', {
    timeout: 90_000,
  }, async () => {
    const question = (await (await page.request.get('/api/questions/li-test-01')).json()) as {
      sections: Array<{ part: number; transcript: string; audio_url: string | null }>;
    };
    expect(question.sections.map((section) => section.audio_url !== null)).toEqual([false, false, false, true]);
    await page.goto('/listening/li-test-01');
    expect(await page.getByRole('radio', { name: /Test mode: each section plays once/ }).isChecked()).toBe(true);
    await screenshot('listening-start');
    await page.getByRole('button', { name: 'Start the test' }).click();
    expect(await page.getByRole('radio', { name: /Test mode/ }).count()).toBe(0);
    await screenshot('listening-test');

    for (const section of question.sections) {
      await page.getByRole('button', { name: new RegExp(`^Section ${section.part}`) }).click();
      const player = page.locator(`[data-section-player="${section.part}"]`);
      const already = (await spoken()).length;
      if (section.audio_url) {
        // A recording: played on an audio element the learner cannot wind back (no controls), once.
        const audio = player.locator('audio');
        expect(await audio.getAttribute('src')).toBe(section.audio_url);
        expect(await audio.getAttribute('controls')).toBeNull();
        await player.getByRole('button', { name: `▶ Play section ${section.part}` }).click();
        await expect.poll(() => player.getAttribute('data-status')).toBe('playing');
        expect(await player.getByRole('button').isDisabled()).toBe(true);
        await expect.poll(() => player.getAttribute('data-status'), { timeout: 20_000 }).toBe('played');
        expect(await audio.evaluate((element: HTMLAudioElement) => element.ended)).toBe(true);
        expect(await player.getByRole('button').textContent()).toBe('Played');
        expect(await player.getByRole('button').isDisabled()).toBe(true);
        expect((await spoken()).length).toBe(already);
        continue;
      }
      await player.getByRole('button', { name: `▶ Play section ${section.part}` }).click();
      // One utterance per line (long lines sentence by sentence), together the section's every line.
      await expect.poll(() => player.getAttribute('data-status')).toBe('played');
      const utterances = (await spoken()).slice(already);
      const said = utterances.map((utterance) => utterance.text).join(' ');
      const lines = section.transcript
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      for (const line of lines) expect(said).toContain(line.replace(/^[A-Z][A-Z .'-]{1,30}:\s+/, ''));
      expect(utterances.every((utterance) => utterance.rate >= 0.9 && utterance.rate <= 1)).toBe(true);
      const speakers = new Set(lines.map((line) => /^([A-Z][A-Z .'-]{1,30}):/.exec(line)?.[1] ?? null));
      const voices = new Set(utterances.map((utterance) => `${utterance.voice}/${utterance.pitch}`));
      expect(voices.size).toBe(speakers.size);
      expect(await player.getByRole('button').textContent()).toBe('Played');
      expect(await player.getByRole('button').isDisabled()).toBe(true);
      // Not shown while answering.
      expect(await page.locator('main').textContent()).not.toContain(lines[0]?.replace(/^[A-Z][A-Z .'-]{1,30}:\s+/, '').slice(0, 60));
    }
    await page.getByRole('button', { name: /^Section 1/ }).click();
    await page.getByLabel('Answer to question 1', { exact: true }).fill('Woodwork');
    await screenshot('listening-played');
    await submitWithBlanks(39);
    await page.waitForURL(/\/assessments\/[^/]+$/);
    await page.getByTestId('raw-score').waitFor();
    const transcripts = page.getByTestId('listening-transcripts');
    expect(await transcripts.locator('details').count()).toBe(4);
    await transcripts.locator('summary').first().click();
    expect(await transcripts.locator('details').first().textContent()).toContain(
      'Good morning, Riverside Community Centre. How can I help you?',
    );
    await screenshot('listening-result');
  });

  it('explains used-up assessments (402) in plain words, and pages through recent results with "Load more"', async () => {
    // Two more reading tests, blank: six assessments in all.
    const submitBlank = async (path: string) => {
      await page.goto(path);
      await submitWithBlanks(40);
      await page.waitForURL(/\/assessments\/[^/]+$/);
      await page.getByTestId('raw-score').waitFor();
      expect(await page.getByTestId('raw-score').textContent()).toBe('0 of 40 correct');
    };
    await submitBlank('/reading/ra-test-01');

    // The test page says one is left; meanwhile another tab takes it, so this page's answers are one more than the free three.
    await page.goto('/reading/ra-test-01');
    await expect.poll(() => page.getByTestId('allowance').textContent()).toContain('You have 1 of 3 Reading (Academic) assessments left');
    const elsewhere = await page.evaluate(
      async () =>
        (
          await fetch('/api/reading/evaluate', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ question_id: 'ra-test-01', answers: {} }),
          })
        ).status,
    );
    expect(elsewhere).toBe(201);
    await submitWithBlanks(40);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('No assessments of this kind left');
    expect(await alert.textContent()).toContain(
      'You have used all 3 of your Reading (Academic) assessments: buy a pack to take more. Once you have bought one, try again: your earlier results stay available in your history.',
    );
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await alert.getByRole('link', { name: 'Buy more assessments' }).getAttribute('href')).toBe('/buy');
    expect(new URL(page.url()).pathname).toBe('/reading/ra-test-01');
    await screenshot('payment-required');

    await mainNavigation().getByRole('link', { name: 'Dashboard' }).click();
    const recent = page.locator('[data-testid="assessment-rows"] .assessment-row');
    await expect.poll(() => recent.count()).toBe(5);
    expect(await page.locator('[data-entitlement="reading_academic"]').textContent()).toContain('0 of 3 left');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => recent.count()).toBe(6);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    const ids = await recent.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(new Set(ids).size).toBe(6);
    // Newest first: the oldest, the essay, comes last.
    expect(ids[5]).toBe(writingAssessmentPath);
  });

  it('cannot start a test at 0 left: the start button is disabled, saying why, with a link to buy more', async () => {
    await page.goto('/reading/ra-test-01');
    const notice = page.getByTestId('allowance');
    await expect
      .poll(() => notice.textContent())
      .toContain('You have used all 3 of your Reading (Academic) assessments, so you cannot start another one until you buy more.');
    const start = page.getByRole('button', { name: 'Start the test' });
    expect(await start.isDisabled()).toBe(true);
    const reason = page.locator(`[id="${await start.getAttribute('aria-describedby')}"]`);
    expect(await reason.textContent()).toBe('None left to start. Buy more Reading (Academic) assessments');
    expect(await page.getByRole('button', { name: 'Submit answers' }).count()).toBe(0);
    await screenshot('reading-none-left');

    await page.goto('/');
    await page.getByTestId('buy-more').click();
    await page.waitForURL(/\/buy$/);
    await page.goto('/reading/ra-test-01');
    await reason.getByRole('link').click();
    await page.waitForURL(/\/buy\?type=reading_academic$/);
    const cards = page.locator('[data-product]');
    await expect.poll(() => cards.count()).toBe(4);
    // The packs with Reading (Academic) first, each with its price.
    expect(await cards.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-product')))).toEqual([
      'reading-listening-pack-5',
      'complete-pack-10',
      'writing-pack-5',
      'speaking-pack-3',
    ]);
    expect(await page.getByTestId('price').allTextContents()).toEqual(['£4.99', '£24.99', '£9.99', '£9.99']);
    await screenshot('buy-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot('buy-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('buys a pack through the Stripe stand-in: the webhook comes three times at once and the pack is granted once', async () => {
    await page.getByRole('button', { name: 'Buy the Reading and listening pack for £4.99' }).click();
    // Stripe's hosted checkout, as the stand-in serves it.
    await page.waitForURL((url) => url.href.startsWith(`${stripe.apiBase}/checkout/cs_test_`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pay 4.99 GBP');
    expect(await page.getByTestId('checkout-item').textContent()).toBe('Reading and listening pack');
    await page.getByRole('button', { name: 'Pay' }).click();

    // Back on the server's return page, which reads the entitlements afresh.
    await page.waitForURL((url) => url.href.startsWith(`${serverUrl}/buy/return?outcome=success&session_id=cs_test_`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you for your purchase');
    const reading = page.locator('[data-entitlement="reading_academic"]');
    await expect.poll(() => reading.textContent()).toContain('5 of 8 left');
    expect(await page.locator('[data-entitlement="listening"]').textContent()).toContain('7 of 8 left');
    expect(await page.locator('[data-entitlement="writing_task2"]').textContent()).toContain('2 of 3 left');
    await screenshot('checkout-return');

    // The event was delivered three times at once: one grant, two repeats acknowledged.
    const deliveries = await stripe.deliveries();
    expect(deliveries).toHaveLength(3);
    expect(new Set(deliveries.map((delivery) => delivery.eventId)).size).toBe(1);
    expect(deliveries.map((delivery) => `${delivery.status} ${(JSON.parse(delivery.body) as { outcome: string }).outcome}`).sort()).toEqual(
      ['200 already_granted', '200 already_granted', '200 granted'],
    );

    // The pack counts once on the dashboard too, and the test can be started again.
    await page.goto('/');
    await expect.poll(() => page.locator('[data-entitlement="reading_academic"]').textContent()).toContain('5 of 8 left');
    await page.goto('/reading/ra-test-01');
    await expect.poll(() => page.getByTestId('allowance').textContent()).toContain('You have 5 of 8 Reading (Academic) assessments left');
    expect(await page.getByRole('button', { name: 'Submit answers' }).isEnabled()).toBe(true);
  });

  it('takes a General Training reading test end to end: the three passages, blanks confirmed, each question marked with its text and why', async () => {
    await page.goto('/reading?type=reading_general_training');
    await page.getByRole('link', { name: /General Training Reading practice test 1/ }).click();
    await page.waitForURL(/\/reading\/rg-test-01$/);
    expect(await page.locator('.passage h2').textContent()).toBe('Brookfield Community Centre');
    await page.getByRole('radiogroup', { name: 'Question 1' }).getByLabel('E', { exact: true }).check();
    await page.getByRole('radiogroup', { name: 'Question 7' }).getByLabel('TRUE').check();
    await page.getByRole('button', { name: /Passage 2/ }).click();
    expect(await page.locator('.passage h2').textContent()).toBe('Working at Northgate Distribution');
    // Over the word limit (two words and/or a number), and a misspelling.
    await page.getByLabel('Answer to question 21').fill('a standard class ticket');
    await page.getByLabel('Answer to question 23').fill('warehose');
    await page.getByRole('button', { name: /Passage 3/ }).click();
    expect(await page.locator('.passage h2').textContent()).toBe('The Bicycle: Two Hundred Years on Two Wheels');
    await page.getByLabel('Answer to question 32').fill('Prices');
    await page.getByLabel('Answer to question 33').fill('clothes');
    expect(await page.getByTestId('answered-count').textContent()).toBe('6 of 40 answered');
    await screenshotsAtBothWidths('reading-general-training-test');

    await submitWithBlanks(34);
    await page.waitForURL(/\/assessments\/[^/]+$/);
    await page.getByTestId('raw-score').waitFor();
    expect(await page.getByTestId('raw-score').textContent()).toBe('3 of 40 correct');
    expect(await page.locator('.result .eyebrow').textContent()).toBe('Reading (General Training)');
    const reasons = await page
      .locator('[data-question-result]')
      .evaluateAll((rows) =>
        Object.fromEntries(rows.map((row) => [row.getAttribute('data-question-result'), row.getAttribute('data-reason')])),
      );
    expect([reasons['1'], reasons['7'], reasons['21'], reasons['23'], reasons['32'], reasons['33'], reasons['2']]).toEqual([
      'correct',
      'correct',
      'over_word_limit',
      'misspelled',
      'correct',
      'wrong',
      'blank',
    ]);
    const row = (number: number) => page.locator(`[data-question-result="${number}"]`);
    expect(await row(21).locator('th').textContent()).toBe('21Train and bus: book tickets in ________ and keep them.');
    expect(await row(21).locator('.question-result-why').textContent()).toBe(
      'Over the word limit: 4 words, and the instructions allow at most 2 words and a number. A longer answer is wrong even when it contains the right words.',
    );
    expect(await row(23).locator('.question-result-why').textContent()).toBe(
      'Spelt differently from “warehouse”. Spelling must be exact for the mark.',
    );
    expect(await row(33).locator('td').allTextContents()).toEqual([
      'clothes',
      'clothing',
      '✗ IncorrectNot the answer: the answer is “clothing”.',
    ]);
    expect(await page.locator('section', { has: page.getByRole('heading', { name: 'Feedback' }) }).textContent()).toContain(
      'in General Training Reading',
    );
    await screenshotsAtBothWidths('reading-general-training-result');
  });

  it('signs out, after which pages ask to sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(writingAssessmentPath);
    await page.waitForURL(/\/sign-in\?next=/);
  });

  it('resets a forgotten password with the emailed link, and signs in with the new one', async () => {
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/reset-password$/);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').waitFor();

    let mail: string | undefined;
    await expect
      .poll(async () => {
        mail = (await server.emails()).find((text) => text.includes(`To: ${email}`) && text.includes('/reset-password?token='));
        return mail !== undefined;
      })
      .toBe(true);
    const link = new URL(/https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail ?? '')?.[0] ?? '');
    await page.goto(link.pathname + link.search);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Choose a new password');
    const newPassword = 'a brand new passphrase';
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Your password has been changed');

    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Ada');
    // Confirmed at the start, so the dashboard does not ask again.
    expect(await page.getByText('Please confirm your email address').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    // No console error from the app but the answers the journey asked for on purpose: the common
    // password (400), the wrong password (401) and the assessment one more than the allowance (402).
    // A signed-out page load asks /api/auth/session, which answers 200, so it logs nothing. (The
    // Stripe stand-in's checkout page is not the app.)
    const expected = [
      { status: 400, path: '/api/auth/register' },
      { status: 401, path: '/api/auth/login' },
      { status: 402, path: '/api/reading/evaluate' },
    ];
    const unexpected = consoleErrors.filter(
      ({ text, url }) =>
        !url.startsWith(stripe.apiBase) && !expected.some(({ status, path }) => text.includes(`status of ${status}`) && url.endsWith(path)),
    );
    expect(unexpected).toEqual([]);
    // The app ran every step under the server's policy (no inline code, nothing from elsewhere).
    expect((await page.request.get('/')).headers()['content-security-policy']).toContain("script-src 'self'");
    expect(cspViolations).toEqual([]);
  });
});
