import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeEmbeddedEndpoint } from './embedded-endpoint.js';
import { createOutboxMailer } from './mailer.js';
import { createFileSpeakingAudioStore } from './speaking-audio-store.js';
import { ensureWritableDirectory } from './writable-directory.js';

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('files under DATA_DIR', () => {
  let root: string;
  let previousUmask: number;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ielts-private-'));
    // The usual umask, which alone would leave files world-readable.
    previousUmask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(previousUmask);
    rmSync(root, { recursive: true, force: true });
  });

  it('are created 0700 (folders) and 0600 (files), whatever the umask', async () => {
    const dataDir = path.join(root, 'data');
    ensureWritableDirectory('DATA_DIR', dataDir);
    expect(modeOf(dataDir)).toBe(0o700);

    const outbox = path.join(dataDir, 'outbox');
    await createOutboxMailer({ directory: outbox, from: 'no-reply@ielts.test' }).send({
      to: 'ada@example.com',
      subject: 'Reset your password',
      text: 'token=secret',
      html: '<p>token=secret</p>',
    });
    expect(modeOf(outbox)).toBe(0o700);
    const [mail] = readdirSync(outbox);
    expect(modeOf(path.join(outbox, mail!))).toBe(0o600);

    const audioDir = path.join(dataDir, 'speaking-audio');
    await createFileSpeakingAudioStore(audioDir).put('a-1', 0, { mime_type: 'audio/webm', data: 'AAAA' } as never);
    expect(modeOf(path.join(audioDir, 'a-1'))).toBe(0o700);
    expect(modeOf(path.join(audioDir, 'a-1', '0.json'))).toBe(0o600);

    writeEmbeddedEndpoint(dataDir, 'http://127.0.0.1:1234');
    expect(modeOf(path.join(dataDir, 'embedded-dynamodb.json'))).toBe(0o600);
  });
});
