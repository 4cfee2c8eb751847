// A stand-in for expo-file-system (the device's files), mapped in place of the package by
// jest.config.js: files live in a map, written by the fake recorder (fake-expo-audio.ts) and read
// by the app as base64 the way it reads a recording on a device, or written and read as text
// (drafts, see draft-store.ts). The map outlives a rendered app, so an app rendered again in the
// same test finds the files of the one before, as after a restart.

/** The fake device's files: uri → content. */
export const fakeFiles = new Map<string, Uint8Array>();

/** Empties the fake (jest.setup-after-env.js calls it before each test). */
export function resetFakeFiles(): void {
  fakeFiles.clear();
}

export class File {
  readonly uri: string;

  constructor(...uris: Array<string | { uri: string }>) {
    this.uri = uris.map((part) => (typeof part === 'string' ? part : part.uri)).join('/');
  }

  get exists(): boolean {
    return fakeFiles.has(this.uri);
  }

  get size(): number {
    return fakeFiles.get(this.uri)?.byteLength ?? 0;
  }

  private content(): Uint8Array {
    const content = fakeFiles.get(this.uri);
    if (!content) throw new Error(`File '${this.uri}' does not exist`);
    return content;
  }

  async base64(): Promise<string> {
    return Buffer.from(this.content()).toString('base64');
  }

  base64Sync(): string {
    return Buffer.from(this.content()).toString('base64');
  }

  async text(): Promise<string> {
    return Buffer.from(this.content()).toString('utf8');
  }

  textSync(): string {
    return Buffer.from(this.content()).toString('utf8');
  }

  create(): void {
    if (fakeFiles.has(this.uri)) throw new Error(`File '${this.uri}' already exists`);
    fakeFiles.set(this.uri, new Uint8Array());
  }

  async write(content: string | Uint8Array): Promise<void> {
    this.writeSync(content);
  }

  writeSync(content: string | Uint8Array): void {
    if (!fakeFiles.has(this.uri)) throw new Error(`File '${this.uri}' does not exist`);
    fakeFiles.set(this.uri, typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'utf8')) : content);
  }

  delete(): void {
    this.content();
    fakeFiles.delete(this.uri);
  }
}

/** The app's folders, as fake directories. */
export const Paths = {
  document: { uri: 'file:///data/user/0/app/files' },
  cache: { uri: 'file:///data/user/0/app/cache' },
};
