// A stand-in for expo-file-system (the device's files), mapped in place of the package by
// jest.config.js: files live in a map, written by the fake recorder (fake-expo-audio.ts) and read
// by the app as base64 the way it reads a recording on a device.

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

  delete(): void {
    this.content();
    fakeFiles.delete(this.uri);
  }
}
