// A stand-in for expo-speech-recognition (the recogniser runs on the device), mapped in place of
// the package by jest.config.js. A test decides whether recognition is available and what the
// recogniser hears (`hearSpeech`); the fake emits the module's events as the native side would.
import type {
  ExpoSpeechRecognitionNativeEventMap,
  ExpoSpeechRecognitionOptions,
  ExpoSpeechRecognitionResultSegment,
} from 'expo-speech-recognition';

type EventName = keyof ExpoSpeechRecognitionNativeEventMap;
type Listener = (event: unknown) => void;

/** What the fake holds; {@link resetFakeRecognition} restores it before each test. */
export const fakeRecognition = {
  available: true,
  permissionGranted: true,
  /** The options of every `start` call. */
  starts: [] as ExpoSpeechRecognitionOptions[],
  stops: 0,
  aborts: 0,
  recognizing: false,
  listeners: new Map<EventName, Set<Listener>>(),
};

/** Restores the fake (jest.setup-after-env.js calls it before each test). */
export function resetFakeRecognition(): void {
  fakeRecognition.available = true;
  fakeRecognition.permissionGranted = true;
  fakeRecognition.starts = [];
  fakeRecognition.stops = 0;
  fakeRecognition.aborts = 0;
  fakeRecognition.recognizing = false;
  fakeRecognition.listeners = new Map();
}

function emit<Name extends EventName>(name: Name, event: ExpoSpeechRecognitionNativeEventMap[Name]): void {
  for (const listener of [...(fakeRecognition.listeners.get(name) ?? [])]) listener(event);
}

/**
 * The recogniser hears `transcript`: a `result` event, final unless `interim`, with one segment
 * per word timed `wordMs` apart from `startMs`.
 */
export function hearSpeech(transcript: string, { interim = false, startMs = 0, wordMs = 400 } = {}): ExpoSpeechRecognitionResultSegment[] {
  if (!fakeRecognition.recognizing) throw new Error('the recogniser is not listening');
  const segments = transcript
    .split(/\s+/)
    .filter(Boolean)
    .map((segment, index) => ({
      segment,
      startTimeMillis: startMs + index * wordMs,
      endTimeMillis: startMs + index * wordMs + wordMs - 50,
      confidence: 0.9,
    }));
  emit('result', { isFinal: !interim, results: [{ transcript, confidence: 0.9, segments }] });
  return segments;
}

/** The recogniser fails, as a device can (`no-speech`, `network`). */
export function failRecognition(error: ExpoSpeechRecognitionNativeEventMap['error']['error'], message = error): void {
  emit('error', { error, message });
  fakeRecognition.recognizing = false;
  emit('end', null);
}

export const ExpoSpeechRecognitionModule = {
  isRecognitionAvailable: () => fakeRecognition.available,
  supportsOnDeviceRecognition: () => fakeRecognition.available,
  supportsRecording: () => false,
  async requestPermissionsAsync() {
    const granted = fakeRecognition.permissionGranted;
    return { granted, status: granted ? 'granted' : 'denied', canAskAgain: true, expires: 'never' };
  },
  async getPermissionsAsync() {
    return this.requestPermissionsAsync();
  },
  start(options: ExpoSpeechRecognitionOptions): void {
    fakeRecognition.starts.push(options);
    fakeRecognition.recognizing = true;
    emit('start', null);
  },
  stop(): void {
    fakeRecognition.stops += 1;
    if (!fakeRecognition.recognizing) return;
    fakeRecognition.recognizing = false;
    emit('end', null);
  },
  abort(): void {
    fakeRecognition.aborts += 1;
    if (!fakeRecognition.recognizing) return;
    fakeRecognition.recognizing = false;
    emit('error', { error: 'aborted', message: 'aborted' });
    emit('end', null);
  },
  addListener(name: EventName, listener: Listener) {
    const set = fakeRecognition.listeners.get(name) ?? new Set<Listener>();
    set.add(listener);
    fakeRecognition.listeners.set(name, set);
    return { remove: () => set.delete(listener) };
  },
};
