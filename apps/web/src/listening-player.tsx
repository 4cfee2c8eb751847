import { useEffect, useRef, useState } from 'react';
import { formatClock } from '@ielts-genai-prep/app-kit';
import { englishVoices, speakLines, type SpeechRun, type SpokenLine } from './speech-synthesis.js';

/** How a listening test is played: once per section as in the exam, or with free replay for practice. */
export type ListeningMode = 'test' | 'practice';

/** Where a section's playback stands. */
export type PlaybackStatus = 'ready' | 'playing' | 'played';

/** IELTS recordings are at a natural, unhurried pace: a touch slower than the voices' default. */
export const LISTENING_RATE = 0.95;

// Pitches that keep speakers apart when there are more speakers than voices.
const PITCHES = [1, 0.8, 1.2, 0.9, 1.1, 0.7, 1.3];

// Chrome stops some voices after about 15 seconds of one utterance, so a long paragraph is spoken sentence by sentence.
const LONGEST_UTTERANCE = 240;

/** A line of a transcript: who says it (`RECEPTIONIST: …`), null for a monologue or narration. */
export interface TranscriptLine {
  speaker: string | null;
  text: string;
}

/** A transcript's lines, with their speakers (names in capitals before a colon, as the transcripts write them). */
export function transcriptLines(transcript: string): TranscriptLine[] {
  return transcript
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^([A-Z][A-Z .'-]{1,30}):\s+(.*)$/.exec(line);
      return match?.[1] && match[2] ? { speaker: match[1].trim(), text: match[2].trim() } : { speaker: null, text: line };
    });
}

/** A line cut into sentences of at most about {@link LONGEST_UTTERANCE} characters (a short line stays whole). */
export function utteranceChunks(text: string): string[] {
  if (text.length <= LONGEST_UTTERANCE) return [text];
  const sentences = text.match(/[^.!?]+(?:[.!?]+["'’”]?|$)\s*/g) ?? [text];
  const chunks: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + sentence.length > LONGEST_UTTERANCE) {
      chunks.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim()) chunks.push(current.trim());
  return chunks;
}

/**
 * A voice and pitch for each speaker, in the order they first speak: a different English voice
 * each (British first) while there are enough, then the voices again at other pitches; with no
 * English voice listed, the browser's default voice at a different pitch for each.
 */
export function speakerVoices(
  speakers: ReadonlyArray<string | null>,
  voices: readonly SpeechSynthesisVoice[],
): Map<string | null, { voice: SpeechSynthesisVoice | null; pitch: number }> {
  const english = englishVoices(voices);
  const assigned = new Map<string | null, { voice: SpeechSynthesisVoice | null; pitch: number }>();
  for (const speaker of speakers) {
    if (assigned.has(speaker)) continue;
    const index = assigned.size;
    if (english.length === 0) {
      assigned.set(speaker, { voice: null, pitch: PITCHES[index % PITCHES.length] ?? 1 });
    } else {
      const round = Math.floor(index / english.length);
      assigned.set(speaker, { voice: english[index % english.length] ?? null, pitch: PITCHES[round % PITCHES.length] ?? 1 });
    }
  }
  return assigned;
}

/** The utterances that read a section's transcript: one per line (long ones per sentence), each in its speaker's voice. */
export function sectionSpeech(transcript: string, voices: readonly SpeechSynthesisVoice[], rate = LISTENING_RATE): SpokenLine[] {
  const lines = transcriptLines(transcript);
  const cast = speakerVoices(
    lines.map((line) => line.speaker),
    voices,
  );
  return lines.flatMap((line) => {
    const { voice, pitch } = cast.get(line.speaker) ?? { voice: null, pitch: 1 };
    return utteranceChunks(line.text).map((text) => ({ text, voice, pitch, rate, lang: voice?.lang ?? 'en-GB', speaker: line.speaker }));
  });
}

/** A listening section to play. */
export interface PlayableSection {
  part: number;
  title: string;
  transcript: string;
  audioUrl: string | null;
  audioDurationSeconds: number | null;
}

/** Props of {@link SectionPlayer}. */
export interface SectionPlayerProps {
  section: PlayableSection;
  mode: ListeningMode;
  status: PlaybackStatus;
  onStatus: (status: PlaybackStatus) => void;
  /** Another section is playing: this one waits. */
  otherPlaying: boolean;
  /** The browser's speech synthesis, or null. */
  synthesis: SpeechSynthesis | null;
  voices: readonly SpeechSynthesisVoice[];
  /** Hidden (another section's tab is open), but kept so its recording keeps playing. */
  hidden?: boolean;
}

/**
 * Plays a section: its recording when it has one (without the browser's controls in test
 * mode, so it cannot be wound back), else the transcript read by speech synthesis, a voice per
 * speaker. In test mode it plays once; in practice mode as often as the learner likes.
 */
export function SectionPlayer({ section, mode, status, onStatus, otherPlaying, synthesis, voices, hidden = false }: SectionPlayerProps) {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const runRef = useRef<SpeechRun | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onStatusRef = useRef(onStatus);
  onStatusRef.current = onStatus;
  const recorded = section.audioUrl !== null;

  useEffect(
    () => () => {
      runRef.current?.cancel();
      runRef.current = null;
    },
    [],
  );

  if (!recorded && !synthesis) {
    return (
      <div className="section-player" hidden={hidden} data-section-player={section.part} data-status="unavailable">
        <p className="banner banner-warning small">This browser cannot read the recording aloud, so the transcript is shown instead.</p>
      </div>
    );
  }

  const play = () => {
    setProblem(null);
    if (recorded) {
      const audio = audioRef.current;
      if (!audio) return;
      audio.currentTime = 0;
      onStatus('playing');
      audio.play().catch(() => {
        setProblem('The recording could not be played. Try again.');
        onStatusRef.current('ready');
      });
      return;
    }
    if (!synthesis) return;
    onStatus('playing');
    runRef.current = speakLines(synthesis, sectionSpeech(section.transcript, voices), {
      onDone: (outcome) => {
        runRef.current = null;
        if (outcome === 'not-allowed') {
          setProblem('The browser would not start speaking. Press Play again.');
          onStatusRef.current('ready');
          return;
        }
        if (outcome === 'failed') setProblem('The browser stopped speaking before the end of this section.');
        // In test mode a section stopped part way has still been played.
        onStatusRef.current(mode === 'practice' && outcome === 'cancelled' ? 'ready' : 'played');
      },
    });
  };

  const stop = () => {
    if (recorded) {
      audioRef.current?.pause();
      onStatus('ready');
    } else runRef.current?.cancel();
  };

  const testLocked = mode === 'test' && status !== 'ready';
  const label =
    status === 'playing'
      ? 'Playing…'
      : status === 'played'
        ? mode === 'test'
          ? 'Played'
          : '▶ Play again'
        : `▶ Play section ${section.part}`;

  return (
    <div className="section-player" hidden={hidden} data-section-player={section.part} data-status={status}>
      {recorded && (
        // biome-ignore lint/a11y/useMediaCaption: the section's transcript is shown with its result, after the test
        <audio
          ref={audioRef}
          src={section.audioUrl ?? undefined}
          preload="auto"
          controls={mode === 'practice'}
          controlsList="nodownload noplaybackrate"
          className="section-audio"
          onPlay={() => onStatusRef.current('playing')}
          onEnded={() => onStatusRef.current('played')}
          onPause={(event) => {
            if (mode === 'practice' && !event.currentTarget.ended) onStatusRef.current('ready');
          }}
          onError={() => {
            setProblem('The recording could not be loaded.');
            if (mode === 'practice') onStatusRef.current('ready');
          }}
        >
          Your browser cannot play this recording.
        </audio>
      )}
      <div className="section-player-controls">
        <button
          type="button"
          className="button"
          onClick={play}
          disabled={testLocked || status === 'playing' || otherPlaying}
          aria-describedby={`section-player-note-${section.part}`}
        >
          {label}
        </button>
        {mode === 'practice' && status === 'playing' && (
          <button type="button" className="button button-secondary" onClick={stop}>
            ■ Stop
          </button>
        )}
        <span className="muted small" id={`section-player-note-${section.part}`} role="status">
          {status === 'playing'
            ? recorded
              ? 'The recording is playing.'
              : 'The recording is being read aloud.'
            : otherPlaying
              ? 'Wait for the other section to finish.'
              : mode === 'test'
                ? status === 'played'
                  ? 'Each section plays once in the test.'
                  : 'It plays once, as in the test: read the questions first.'
                : 'Practice mode: replay it as often as you like.'}
          {recorded && section.audioDurationSeconds !== null && ` (${formatClock(section.audioDurationSeconds)})`}
        </span>
      </div>
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}
