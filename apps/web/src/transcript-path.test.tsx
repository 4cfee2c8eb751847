import type { SpeakingSetup } from '@ielts-genai-prep/core';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider } from './app-context.js';
import { fakeApi } from './fake-api.js';
import { installMicrophone, installSpeechRecognition } from './fake-browser-media.js';
import { SpeakingPage } from './speaking-page.js';
import { TranscriptPathNotice, transcriptPathOf } from './transcript-path.js';

const gemini: SpeakingSetup = { scorer: 'gemini', transcribes_audio: true, assesses_pronunciation: true };
const offline: SpeakingSetup = { scorer: 'offline', transcribes_audio: false, assesses_pronunciation: false };

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

describe('transcriptPathOf', () => {
  it('sends recordings to a server that transcribes them, else uses the device’s recognition, else typing', () => {
    expect(transcriptPathOf(gemini, { canRecord: true, canRecognise: true })).toBe('server');
    expect(transcriptPathOf(gemini, { canRecord: true, canRecognise: false })).toBe('server');
    expect(transcriptPathOf(offline, { canRecord: true, canRecognise: true })).toBe('device');
    expect(transcriptPathOf(offline, { canRecord: true, canRecognise: false })).toBe('typed');
    // Nothing to send to a transcribing server without a microphone; an unknown setup counts on no transcription.
    expect(transcriptPathOf(gemini, { canRecord: false, canRecognise: true })).toBe('typed');
    expect(transcriptPathOf(null, { canRecord: true, canRecognise: true })).toBe('device');
  });
});

describe('TranscriptPathNotice', () => {
  it('says the examiner model transcribes and scores recordings, with Pronunciation, when the server transcribes audio', () => {
    render(<TranscriptPathNotice setup={gemini} abilities={{ canRecord: true, canRecognise: true }} />);
    const notice = screen.getByTestId('transcript-path');
    expect(notice.getAttribute('data-transcript-path')).toBe('server');
    expect(notice.textContent).toContain('Your recorded answers are sent to the examiner model, which transcribes and scores them');
    expect(notice.textContent).toContain('Pronunciation is assessed');
    expect(notice.textContent).not.toContain('not assessed');
  });

  it('says speech is transcribed on this device and Pronunciation is not assessed, with the Web Speech API and an offline scorer', () => {
    render(<TranscriptPathNotice setup={offline} abilities={{ canRecord: true, canRecognise: true }} />);
    const notice = screen.getByTestId('transcript-path');
    expect(notice.getAttribute('data-transcript-path')).toBe('device');
    expect(notice.textContent).toContain('your browser’s speech recognition writes down what you say');
    expect(notice.textContent).toContain('Pronunciation is marked “not assessed”');
  });

  it('asks for typed answers, recordings kept but not scored, without recognition or a transcribing server', () => {
    render(<TranscriptPathNotice setup={offline} abilities={{ canRecord: true, canRecognise: false }} />);
    const notice = screen.getByTestId('transcript-path');
    expect(notice.getAttribute('data-transcript-path')).toBe('typed');
    expect(notice.textContent).toContain('type what you would say');
    expect(notice.textContent).toContain('recordings are kept with your answers but not scored');
    expect(notice.textContent).toContain('Pronunciation is not assessed.');
  });
});

describe('the speaking page', () => {
  function renderPage(setup: SpeakingSetup) {
    const { webClient, requests } = fakeApi({
      'GET /api/speaking/setup': () => ({ body: setup }),
      'GET /api/questions': () => ({ body: { items: [], next_cursor: null } }),
      'GET /api/assessments': () => ({ body: { items: [], next_cursor: null } }),
    });
    render(
      <AppProvider webClient={webClient} initialUser={null}>
        <SpeakingPage />
      </AppProvider>,
    );
    return requests;
  }

  it('asks the server how it scores speaking and tells the learner before a test starts (Gemini)', async () => {
    cleanups.push(installMicrophone());
    const requests = renderPage(gemini);
    expect((await screen.findByTestId('transcript-path')).getAttribute('data-transcript-path')).toBe('server');
    expect(requests.some((request) => request.method === 'GET' && request.path === '/api/speaking/setup')).toBe(true);
  });

  it('picks the device’s recognition with the offline scorer when the browser has webkitSpeechRecognition', async () => {
    cleanups.push(installMicrophone(), installSpeechRecognition());
    renderPage(offline);
    expect((await screen.findByTestId('transcript-path')).getAttribute('data-transcript-path')).toBe('device');
  });

  it('falls back to typing with the offline scorer and no recognition', async () => {
    cleanups.push(installMicrophone());
    renderPage(offline);
    expect((await screen.findByTestId('transcript-path')).getAttribute('data-transcript-path')).toBe('typed');
  });
});
