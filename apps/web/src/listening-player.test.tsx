import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeVoice, installSpeechSynthesis, type FakeSpeechSynthesis } from './fake-browser-media.js';
import {
  LISTENING_RATE,
  SectionPlayer,
  sectionSpeech,
  speakerVoices,
  transcriptLines,
  utteranceChunks,
  type ListeningMode,
  type PlayableSection,
  type PlaybackStatus,
} from './listening-player.js';

const dialogue = `RECEPTIONIST: Good morning, Riverside Community Centre. How can I help you?
ANNA: Oh, hello. I'm ringing about the evening classes.

RECEPTIONIST: Of course. Which course are you interested in?
DR GRANT: Come in, Lucy.`;

describe('transcriptLines', () => {
  it('splits a transcript into lines with their speakers; a line without a name has none', () => {
    expect(transcriptLines(dialogue)).toEqual([
      { speaker: 'RECEPTIONIST', text: 'Good morning, Riverside Community Centre. How can I help you?' },
      { speaker: 'ANNA', text: "Oh, hello. I'm ringing about the evening classes." },
      { speaker: 'RECEPTIONIST', text: 'Of course. Which course are you interested in?' },
      { speaker: 'DR GRANT', text: 'Come in, Lucy.' },
    ]);
    expect(transcriptLines('Good morning, everyone.\n\nFirst, some background.')).toEqual([
      { speaker: null, text: 'Good morning, everyone.' },
      { speaker: null, text: 'First, some background.' },
    ]);
  });
});

describe('sectionSpeech', () => {
  const voices = [fakeVoice('Samantha', 'en-US'), fakeVoice('Daniel', 'en-GB'), fakeVoice('Thomas', 'fr-FR'), fakeVoice('Kate', 'en_GB')];

  it('queues one utterance per line, each speaker in a different English voice (British first), at IELTS pace', () => {
    const lines = sectionSpeech(dialogue, voices);
    expect(lines.map((line) => [line.speaker, line.text.slice(0, 12), line.voice?.name])).toEqual([
      ['RECEPTIONIST', 'Good morning', 'Daniel'],
      ['ANNA', 'Oh, hello. I', 'Kate'],
      ['RECEPTIONIST', 'Of course. W', 'Daniel'],
      ['DR GRANT', 'Come in, Luc', 'Samantha'],
    ]);
    expect(lines.every((line) => line.pitch === 1 && line.rate === LISTENING_RATE)).toBe(true);
    expect(LISTENING_RATE).toBeGreaterThanOrEqual(0.9);
    expect(LISTENING_RATE).toBeLessThanOrEqual(1);
  });

  it('tells speakers apart by pitch when there are more speakers than voices, or no English voice at all', () => {
    const oneVoice = speakerVoices(['A', 'B', 'C'], [fakeVoice('Daniel', 'en-GB')]);
    expect([...oneVoice.values()].map((entry) => [entry.voice?.name, entry.pitch])).toEqual([
      ['Daniel', 1],
      ['Daniel', 0.8],
      ['Daniel', 1.2],
    ]);
    const none = sectionSpeech(dialogue, [fakeVoice('Thomas', 'fr-FR')]);
    expect(none.map((line) => [line.speaker, line.voice, line.pitch, line.lang])).toEqual([
      ['RECEPTIONIST', null, 1, 'en-GB'],
      ['ANNA', null, 0.8, 'en-GB'],
      ['RECEPTIONIST', null, 1, 'en-GB'],
      ['DR GRANT', null, 1.2, 'en-GB'],
    ]);
  });

  it('speaks a long paragraph sentence by sentence, so no utterance runs long enough for a browser to cut it off', () => {
    const paragraph = Array.from(
      { length: 8 },
      (_, index) => `This is sentence number ${index + 1} of a rather long paragraph about the reserve.`,
    ).join(' ');
    const chunks = utteranceChunks(paragraph);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.length <= 240)).toBe(true);
    expect(chunks.join(' ')).toBe(paragraph);
    expect(utteranceChunks('Short line.')).toEqual(['Short line.']);
  });
});

function Player({ section, mode }: { section: PlayableSection; mode: ListeningMode }) {
  const [status, setStatus] = useState<PlaybackStatus>('ready');
  const synthesis = (window as { speechSynthesis?: SpeechSynthesis }).speechSynthesis ?? null;
  return (
    <SectionPlayer
      section={section}
      mode={mode}
      status={status}
      onStatus={setStatus}
      otherPlaying={false}
      synthesis={synthesis}
      voices={synthesis?.getVoices() ?? []}
    />
  );
}

const spokenSection: PlayableSection = {
  part: 1,
  title: 'Evening classes',
  transcript: dialogue,
  audioUrl: null,
  audioDurationSeconds: null,
};
const playButton = () => screen.getAllByRole('button')[0] as HTMLButtonElement;

describe('SectionPlayer', () => {
  let synthesis: FakeSpeechSynthesis;
  let uninstall: () => void;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    ({ synthesis, uninstall } = installSpeechSynthesis([fakeVoice('Daniel', 'en-GB'), fakeVoice('Kate', 'en-GB')]));
  });
  afterEach(() => {
    uninstall();
    vi.useRealTimers();
  });

  it('in test mode plays a section once: the button is disabled from the start of playback, and says Played after', () => {
    render(<Player section={spokenSection} mode="test" />);
    expect(playButton().textContent).toBe('▶ Play section 1');
    fireEvent.click(playButton());
    expect(synthesis.spoken.map((utterance) => utterance.text)).toEqual(transcriptLines(dialogue).map((line) => line.text));
    expect(synthesis.spoken.map((utterance) => utterance.voice?.name)).toEqual(['Daniel', 'Kate', 'Daniel', 'Daniel']);
    expect(synthesis.spoken[3]?.pitch).toBe(0.8);
    expect(playButton().textContent).toBe('Playing…');
    expect(playButton().disabled).toBe(true);

    act(() => synthesis.finishAll());
    expect(playButton().textContent).toBe('Played');
    expect(playButton().disabled).toBe(true);
    fireEvent.click(playButton());
    expect(synthesis.spoken).toHaveLength(4);
    expect(screen.getByRole('status').textContent).toContain('Each section plays once in the test.');
  });

  it('in practice mode can be stopped and played again', () => {
    render(<Player section={spokenSection} mode="practice" />);
    fireEvent.click(playButton());
    fireEvent.click(screen.getByRole('button', { name: '■ Stop' }));
    expect(playButton().textContent).toBe('▶ Play section 1');
    fireEvent.click(playButton());
    act(() => synthesis.finishAll());
    expect(playButton().textContent).toBe('▶ Play again');
    fireEvent.click(playButton());
    expect(synthesis.spoken).toHaveLength(12);
  });

  it('plays a recorded section on an audio element with no controls in test mode, once', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      this.dispatchEvent(new Event('play'));
      return Promise.resolve();
    });
    try {
      const recorded = { ...spokenSection, audioUrl: 'https://media.example.com/section1.mp3', audioDurationSeconds: 272 };
      render(<Player section={recorded} mode="test" />);
      const audio = document.querySelector('audio');
      expect(audio?.getAttribute('src')).toBe('https://media.example.com/section1.mp3');
      expect(audio?.hasAttribute('controls')).toBe(false);
      expect(screen.getByRole('status').textContent).toContain('(4:32)');
      fireEvent.click(playButton());
      await act(async () => undefined);
      expect(play).toHaveBeenCalledTimes(1);
      // The recording plays instead of the transcript being read.
      expect(synthesis.spoken).toHaveLength(0);
      expect(playButton().disabled).toBe(true);
      act(() => {
        audio?.dispatchEvent(new Event('ended'));
      });
      expect(playButton().textContent).toBe('Played');
      expect(playButton().disabled).toBe(true);
    } finally {
      play.mockRestore();
    }
  });

  it('shows the browser’s controls on a recorded section in practice mode', () => {
    render(
      <Player
        section={{ ...spokenSection, audioUrl: 'https://media.example.com/section1.mp3', audioDurationSeconds: 272 }}
        mode="practice"
      />,
    );
    expect(document.querySelector('audio')?.hasAttribute('controls')).toBe(true);
  });
});
