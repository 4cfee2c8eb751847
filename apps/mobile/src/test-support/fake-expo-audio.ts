// A stand-in for expo-audio (the microphone and the speaker need a device), mapped in place of
// the package by jest.config.js. The recorder writes a small file per recording into the fake
// file system; players are kept so a test can see what was played and end a playback.
import type { AudioSource, AudioStatus, RecordingOptions } from 'expo-audio';
import { useRef } from 'react';
import { fakeFiles } from './fake-expo-file-system';

/** A recorder as `useAudioRecorder` returns it, with what the app asked of it. */
export class FakeAudioRecorder {
  readonly options: Partial<RecordingOptions>;
  isRecording = false;
  uri: string | null = null;
  /** Calls in order: `prepare`, `record`, `stop`. */
  readonly calls: string[] = [];

  constructor(options: Partial<RecordingOptions>) {
    this.options = options;
    fakeAudio.recorders.push(this);
  }

  async prepareToRecordAsync(): Promise<void> {
    this.calls.push('prepare');
    this.uri = null;
  }

  record(): void {
    this.calls.push('record');
    this.isRecording = true;
  }

  async stop(): Promise<void> {
    this.calls.push('stop');
    if (!this.isRecording) return;
    this.isRecording = false;
    fakeAudio.recordings += 1;
    const uri = `file:///data/recordings/recording-${fakeAudio.recordings}${this.options.extension ?? '.m4a'}`;
    fakeFiles.set(uri, Buffer.from(`${FAKE_RECORDING_PREFIX}${fakeAudio.recordings}`, 'utf8'));
    this.uri = uri;
  }

  pause(): void {
    this.isRecording = false;
  }

  getStatus() {
    return { canRecord: true, isRecording: this.isRecording, durationMillis: 0, mediaServicesDidReset: false, url: this.uri };
  }
}

/** The bytes of the fake recording number `n` are this prefix followed by `n`. */
export const FAKE_RECORDING_PREFIX = 'fake m4a recording #';

/** A player as `createAudioPlayer` returns it. */
export class FakeAudioPlayer {
  readonly source: AudioSource | string | number | null;
  playing = false;
  /** How many times `play()` was called. */
  plays = 0;
  removed = false;
  private readonly listeners = new Set<(status: AudioStatus) => void>();

  constructor(source: AudioSource | string | number | null) {
    this.source = source;
    fakeAudio.players.push(this);
  }

  /** The URL it plays. */
  get url(): string | null {
    if (typeof this.source === 'string') return this.source;
    if (this.source && typeof this.source === 'object' && 'uri' in this.source) return this.source.uri ?? null;
    return null;
  }

  play(): void {
    this.plays += 1;
    this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  async seekTo(): Promise<void> {}

  remove(): void {
    this.removed = true;
    this.playing = false;
    this.listeners.clear();
  }

  addListener(event: string, listener: (status: AudioStatus) => void) {
    if (event === 'playbackStatusUpdate') this.listeners.add(listener);
    return { remove: () => this.listeners.delete(listener) };
  }

  /** The recording reaches its end. */
  finish(): void {
    this.playing = false;
    const status = { playing: false, didJustFinish: true, isLoaded: true, currentTime: 0, duration: 0 } as unknown as AudioStatus;
    for (const listener of [...this.listeners]) listener(status);
  }
}

/** What the fake holds; {@link resetFakeAudio} empties it before each test. */
export const fakeAudio = {
  /** Whether the learner allows the microphone. */
  microphoneGranted: true,
  recorders: [] as FakeAudioRecorder[],
  recordings: 0,
  players: [] as FakeAudioPlayer[],
  audioModes: [] as unknown[],
};

/** Empties the fake (jest.setup-after-env.js calls it before each test). */
export function resetFakeAudio(): void {
  fakeAudio.microphoneGranted = true;
  fakeAudio.recorders = [];
  fakeAudio.recordings = 0;
  fakeAudio.players = [];
  fakeAudio.audioModes = [];
}

export function useAudioRecorder(options: Partial<RecordingOptions>): FakeAudioRecorder {
  const recorder = useRef<FakeAudioRecorder | null>(null);
  recorder.current ??= new FakeAudioRecorder(options);
  return recorder.current;
}

export function createAudioPlayer(source: AudioSource | string | number | null = null): FakeAudioPlayer {
  return new FakeAudioPlayer(source);
}

export async function requestRecordingPermissionsAsync() {
  const granted = fakeAudio.microphoneGranted;
  return { granted, status: granted ? 'granted' : 'denied', canAskAgain: true, expires: 'never' };
}

export async function getRecordingPermissionsAsync() {
  return requestRecordingPermissionsAsync();
}

export async function setAudioModeAsync(mode: unknown): Promise<void> {
  fakeAudio.audioModes.push(mode);
}

export async function setIsAudioActiveAsync(): Promise<void> {}

export const RecordingPresets = {
  HIGH_QUALITY: { extension: '.m4a', sampleRate: 44100, numberOfChannels: 2, bitRate: 128000 },
  LOW_QUALITY: { extension: '.m4a', sampleRate: 44100, numberOfChannels: 2, bitRate: 64000 },
};
