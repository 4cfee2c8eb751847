import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SpeakingTurnInput } from '@ielts-genai-prep/core';
import { PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE } from './private-files.js';

type Audio = NonNullable<SpeakingTurnInput['audio']>;

/**
 * Keeps the audio of speaking turns until the test is scored. Audio is too large for a DynamoDB
 * item (400 KB), so the assessment keeps transcripts and this store keeps the recordings.
 */
export interface SpeakingAudioStore {
  put(assessmentId: string, turnIndex: number, audio: Audio): Promise<void>;
  get(assessmentId: string, turnIndex: number): Promise<Audio | undefined>;
  /** Forgets a test's audio once it is scored. */
  delete(assessmentId: string): Promise<void>;
}

/** A {@link SpeakingAudioStore} in a local folder, one JSON file per turn. */
export function createFileSpeakingAudioStore(directory: string): SpeakingAudioStore {
  const folder = (assessmentId: string) => path.join(directory, assessmentId.replace(/[^A-Za-z0-9_.-]/g, '_'));
  return {
    async put(assessmentId, turnIndex, audio) {
      await mkdir(folder(assessmentId), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
      await writeFile(path.join(folder(assessmentId), `${turnIndex}.json`), JSON.stringify(audio), { mode: PRIVATE_FILE_MODE });
    },
    async get(assessmentId, turnIndex) {
      try {
        return JSON.parse(await readFile(path.join(folder(assessmentId), `${turnIndex}.json`), 'utf8')) as Audio;
      } catch {
        return undefined;
      }
    },
    async delete(assessmentId) {
      await rm(folder(assessmentId), { recursive: true, force: true });
    },
  };
}
