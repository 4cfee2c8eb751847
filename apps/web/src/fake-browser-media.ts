// Stand-ins for the browser services happy-dom does not have — speech synthesis, speech
// recognition, the microphone and MediaRecorder — for the component tests only. Each behaves as
// the Web API does at its surface (a queue that speaks one utterance at a time, `end` events,
// `results` lists) and records what the app asked of it.

/** A voice as `speechSynthesis.getVoices()` lists it. */
export function fakeVoice(name: string, lang: string): SpeechSynthesisVoice {
  return { name, lang, voiceURI: name, default: false, localService: true } as SpeechSynthesisVoice;
}

/** What `new SpeechSynthesisUtterance()` makes, with the handlers the app sets. */
export class FakeUtterance extends EventTarget {
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  pitch = 1;
  rate = 1;
  volume = 1;
  onstart: ((event: Event) => void) | null = null;
  onend: ((event: Event) => void) | null = null;
  onerror: ((event: Event & { error: string }) => void) | null = null;
  constructor(public text = '') {
    super();
  }
}

/** A `speechSynthesis` that speaks one utterance at a time until the test says it has ended. */
export class FakeSpeechSynthesis extends EventTarget {
  /** Every utterance given to `speak`, in order. */
  readonly spoken: FakeUtterance[] = [];
  private queue: FakeUtterance[] = [];
  /** When set, `speak` fails each utterance with this error (`not-allowed`: no user gesture yet). */
  refuseWith: string | null = null;
  constructor(private voices: SpeechSynthesisVoice[] = []) {
    super();
  }
  get speaking(): boolean {
    return this.queue.length > 0;
  }
  get pending(): boolean {
    return this.queue.length > 1;
  }
  getVoices(): SpeechSynthesisVoice[] {
    return this.voices;
  }
  /** Lists new voices, as a browser does once it has loaded them. */
  setVoices(voices: SpeechSynthesisVoice[]): void {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
  speak(utterance: FakeUtterance): void {
    this.spoken.push(utterance);
    if (this.refuseWith) {
      const error = this.refuseWith;
      queueMicrotask(() => utterance.onerror?.(Object.assign(new Event('error'), { error })));
      return;
    }
    this.queue.push(utterance);
    if (this.queue.length === 1) utterance.onstart?.(new Event('start'));
  }
  /** The utterance being spoken now. */
  get current(): FakeUtterance | undefined {
    return this.queue[0];
  }
  /** Ends the current utterance and starts the next. */
  finishCurrent(): void {
    const done = this.queue.shift();
    done?.onend?.(new Event('end'));
    this.queue[0]?.onstart?.(new Event('start'));
  }
  /** Ends every queued utterance in turn. */
  finishAll(): void {
    while (this.queue.length > 0) this.finishCurrent();
  }
  cancel(): void {
    const dropped = this.queue;
    this.queue = [];
    for (const [index, utterance] of dropped.entries()) {
      utterance.onerror?.(Object.assign(new Event('error'), { error: index === 0 ? 'interrupted' : 'canceled' }));
    }
  }
  pause(): void {}
  resume(): void {}
}

/** Puts a fake speech synthesis on `window`; returns it and a function that takes it away again. */
export function installSpeechSynthesis(voices: SpeechSynthesisVoice[] = []): { synthesis: FakeSpeechSynthesis; uninstall: () => void } {
  const synthesis = new FakeSpeechSynthesis(voices);
  const scope = window as unknown as Record<string, unknown>;
  scope.speechSynthesis = synthesis;
  scope.SpeechSynthesisUtterance = FakeUtterance;
  return {
    synthesis,
    uninstall: () => {
      delete scope.speechSynthesis;
      delete scope.SpeechSynthesisUtterance;
    },
  };
}

/** A `webkitSpeechRecognition` the test feeds with results. */
export class FakeRecognition {
  static instances: FakeRecognition[] = [];
  lang = '';
  continuous = false;
  interimResults = false;
  maxAlternatives = 1;
  running = false;
  onresult: ((event: unknown) => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  onend: (() => void) | null = null;
  private results: Array<{ isFinal: boolean; length: number; 0: { transcript: string } }> = [];
  constructor() {
    FakeRecognition.instances.push(this);
  }
  start(): void {
    this.running = true;
  }
  stop(): void {
    this.running = false;
    queueMicrotask(() => this.onend?.());
  }
  abort(): void {
    this.running = false;
    queueMicrotask(() => this.onend?.());
  }
  /** Reports text for the current phrase (tentative), or settles it (final), as Chrome does. */
  hear(transcript: string, isFinal: boolean): void {
    const last = this.results[this.results.length - 1];
    const index = last && !last.isFinal ? this.results.length - 1 : this.results.length;
    this.results[index] = { isFinal, length: 1, 0: { transcript } };
    this.onresult?.({ resultIndex: index, results: this.results });
  }
  /** Ends the session on its own, as Chrome does after a silence. */
  endByItself(): void {
    this.running = false;
    this.onend?.();
  }
}

/** Puts a fake `webkitSpeechRecognition` on `window`. */
export function installSpeechRecognition(): () => void {
  FakeRecognition.instances = [];
  const scope = window as unknown as Record<string, unknown>;
  scope.webkitSpeechRecognition = FakeRecognition;
  return () => {
    delete scope.webkitSpeechRecognition;
  };
}

/** A MediaRecorder over a fake microphone: records nothing real, but keeps the events and MIME type a browser gives. */
export class FakeMediaRecorder extends EventTarget {
  static isTypeSupported(type: string): boolean {
    return type.startsWith('audio/webm');
  }
  state: 'inactive' | 'recording' = 'inactive';
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  readonly mimeType: string;
  constructor(_stream: unknown, options?: { mimeType?: string }) {
    super();
    this.mimeType = options?.mimeType ?? 'audio/webm';
  }
  start(): void {
    this.state = 'recording';
  }
  stop(): void {
    if (this.state === 'inactive') return;
    this.state = 'inactive';
    queueMicrotask(() => {
      this.ondataavailable?.({ data: new Blob(['fake opus frames'], { type: this.mimeType }) });
      this.onstop?.();
    });
  }
}

/** Puts a microphone (`navigator.mediaDevices.getUserMedia`) and `MediaRecorder` on the page. */
export function installMicrophone(): () => void {
  const scope = window as unknown as Record<string, unknown>;
  const previousDevices = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
  scope.MediaRecorder = FakeMediaRecorder;
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { getUserMedia: async () => ({ getTracks: () => [{ stop: () => undefined }] }) },
  });
  const createObjectURL = URL.createObjectURL;
  const revokeObjectURL = URL.revokeObjectURL;
  URL.createObjectURL = () => 'blob:fake-recording';
  URL.revokeObjectURL = () => undefined;
  return () => {
    delete scope.MediaRecorder;
    if (previousDevices) Object.defineProperty(navigator, 'mediaDevices', previousDevices);
    else delete (navigator as unknown as Record<string, unknown>).mediaDevices;
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  };
}
