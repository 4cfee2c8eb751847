import { AUDIO_MIME_TYPES } from '@ielts-genai-prep/core';
import { useCallback, useEffect, useRef, useState } from 'react';

/** An accepted audio MIME type. */
export type AudioMimeType = (typeof AUDIO_MIME_TYPES)[number];

/** A finished recording, ready to send. */
export interface Recording {
  blob: Blob;
  mimeType: AudioMimeType;
  durationMs: number;
  /** An object URL to play it back; revoked when a new recording starts or the component goes. */
  url: string;
}

/** Whether this browser can record audio at all. */
export function canRecordAudio(): boolean {
  return typeof window !== 'undefined' && typeof window.MediaRecorder === 'function' && Boolean(navigator.mediaDevices?.getUserMedia);
}

/**
 * The first of the server's accepted types the browser can record, and the container part of a
 * recorder's MIME type (`audio/webm;codecs=opus` → `audio/webm`) when it is one of them.
 */
export function acceptedMimeType(recorderMimeType: string): AudioMimeType | null {
  const base = recorderMimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (AUDIO_MIME_TYPES as readonly string[]).includes(base) ? (base as AudioMimeType) : null;
}

function preferredMimeType(): string | undefined {
  if (typeof MediaRecorder.isTypeSupported !== 'function') return undefined;
  return ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/ogg', 'audio/mp4'].find((type) =>
    MediaRecorder.isTypeSupported(type),
  );
}

/** A blob as base64 (without the `data:` prefix). */
export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

/** What the recorder is doing. */
export type RecorderState = 'idle' | 'requesting' | 'recording' | 'stopped' | 'unsupported' | 'denied';

/** Records from the microphone with MediaRecorder: start, stop, the recording and elapsed time. */
export function useAudioRecorder() {
  const [state, setState] = useState<RecorderState>(() => (canRecordAudio() ? 'idle' : 'unsupported'));
  const [recording, setRecording] = useState<Recording | null>(null);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const startedAtRef = useRef(0);
  const tickRef = useRef<ReturnType<typeof setInterval> | null>(null);
  const urlRef = useRef<string | null>(null);

  const releaseStream = useCallback(() => {
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    if (tickRef.current) clearInterval(tickRef.current);
    tickRef.current = null;
  }, []);

  const discard = useCallback(() => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
    setRecording(null);
    setElapsedMs(0);
    setStartedAt(null);
    setState((current) => (current === 'unsupported' || current === 'denied' ? current : 'idle'));
  }, []);

  const start = useCallback(async () => {
    if (!canRecordAudio()) return;
    discard();
    setProblem(null);
    setState('requesting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      streamRef.current = stream;
      const mimeType = preferredMimeType();
      const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => {
        if (event.data.size > 0) chunks.push(event.data);
      };
      recorder.onstop = () => {
        const durationMs = Date.now() - startedAtRef.current;
        releaseStream();
        const type = acceptedMimeType(recorder.mimeType || mimeType || '');
        if (!type) {
          setProblem(
            `This browser records as ${recorder.mimeType || 'an unknown format'}, which cannot be sent. Type your answer instead.`,
          );
          setState('idle');
          return;
        }
        const blob = new Blob(chunks, { type });
        const url = URL.createObjectURL(blob);
        urlRef.current = url;
        setRecording({ blob, mimeType: type, durationMs, url });
        setElapsedMs(durationMs);
        setState('stopped');
      };
      recorderRef.current = recorder;
      startedAtRef.current = Date.now();
      setStartedAt(startedAtRef.current);
      recorder.start();
      tickRef.current = setInterval(() => setElapsedMs(Date.now() - startedAtRef.current), 250);
      setState('recording');
    } catch (error) {
      releaseStream();
      const denied = error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
      setProblem(
        denied
          ? 'Microphone access was refused. You can type your answer instead.'
          : 'The microphone could not be started. You can type your answer instead.',
      );
      setState(denied ? 'denied' : 'idle');
    }
  }, [discard, releaseStream]);

  const stop = useCallback(() => {
    if (recorderRef.current && recorderRef.current.state !== 'inactive') recorderRef.current.stop();
  }, []);

  useEffect(
    () => () => {
      if (recorderRef.current && recorderRef.current.state !== 'inactive') recorderRef.current.stop();
      releaseStream();
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [releaseStream],
  );

  /** `startedAt`: when the current or last recording started (epoch ms), null before any or after discard. */
  return { state, recording, elapsedMs, startedAt, problem, start, stop, discard };
}
