import type { PublicQuestion } from '@ielts-genai-prep/core';
import { createAudioPlayer, setAudioModeAsync, type AudioPlayer } from 'expo-audio';
import * as Speech from 'expo-speech';
import { useCallback, useEffect, useRef, useState } from 'react';
import { assignSpeakerVoices, transcriptLines } from './speaker-voices';
import { speakText, stopSpeaking, type SpokenEnd } from './spoken-text';

/** A listening section as the API sends it. */
export type ListeningSection = PublicQuestion['sections'][number];

/**
 * Plays listening sections: a recorded one (`audio_url`) with expo-audio, any other by reading
 * its transcript aloud with expo-speech, line by line, each speaker in a voice of their own
 * (see `assignSpeakerVoices`). One section plays at a time; leaving the screen stops it.
 */
export function useSectionPlayer() {
  const [playingPart, setPlayingPart] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const voicesRef = useRef<Promise<Speech.Voice[]> | null>(null);
  const playbackRef = useRef(0);
  const playerRef = useRef<{ player: AudioPlayer; stop: () => void } | null>(null);
  const mounted = useRef(true);

  const stopCurrent = useCallback(() => {
    playbackRef.current += 1;
    stopSpeaking();
    const current = playerRef.current;
    playerRef.current = null;
    current?.stop();
  }, []);

  // Reads only refs, so one function serves every render.
  const playRecording = useCallback(
    (url: string): Promise<SpokenEnd> =>
      new Promise<SpokenEnd>((resolve) => {
        const player = createAudioPlayer({ uri: url });
        const finish = (end: SpokenEnd) => {
          subscription.remove();
          player.remove();
          if (playerRef.current?.player === player) playerRef.current = null;
          resolve(end);
        };
        const subscription = player.addListener('playbackStatusUpdate', (status) => {
          if (status.didJustFinish) finish('done');
          else if (status.error) finish('error');
        });
        playerRef.current = { player, stop: () => finish('stopped') };
        player.play();
      }),
    [],
  );

  const play = useCallback(
    async (section: ListeningSection): Promise<SpokenEnd> => {
      stopCurrent();
      const playback = playbackRef.current;
      setProblem(null);
      setPlayingPart(section.part);
      let end: SpokenEnd = 'done';
      try {
        await setAudioModeAsync({ playsInSilentMode: true, allowsRecording: false }).catch(() => undefined);
        if (section.audio_url) {
          end = await playRecording(section.audio_url);
        } else {
          voicesRef.current ??= Speech.getAvailableVoicesAsync().catch(() => []);
          const voices = await voicesRef.current;
          const lines = transcriptLines(section.transcript);
          const speakers = assignSpeakerVoices(
            lines.map((line) => line.speaker),
            voices,
          );
          for (const line of lines) {
            if (playbackRef.current !== playback) return 'stopped';
            end = await speakText(line.text, speakers.get(line.speaker));
            if (end !== 'done') break;
          }
        }
      } catch {
        end = 'error';
      }
      if (playbackRef.current === playback && mounted.current) {
        setPlayingPart(null);
        if (end === 'error') setProblem(`Section ${section.part} could not be played on this device.`);
      }
      return end;
    },
    [stopCurrent, playRecording],
  );

  const stop = useCallback(() => {
    stopCurrent();
    setPlayingPart(null);
  }, [stopCurrent]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      stopCurrent();
    };
  }, [stopCurrent]);

  return { playingPart, problem, play, stop };
}
