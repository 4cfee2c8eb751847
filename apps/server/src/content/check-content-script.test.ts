import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = path.join(serverDirectory, 'scripts', 'check-content.mjs');
const bankModule = path.join(serverDirectory, 'src', 'content', 'index.ts');
const scratch = mkdtempSync(path.join(tmpdir(), 'check-content-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the script as `pnpm check-content` does, on the bank or on a module written for the test. */
function checkContent(moduleSource?: string) {
  const argumentsList = [script];
  if (moduleSource !== undefined) {
    const file = path.join(scratch, `content-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, moduleSource);
    argumentsList.push(file);
  }
  // Bundling and loading the bank takes a few seconds on a busy machine; the limit is generous.
  const run = spawnSync(process.execPath, argumentsList, { cwd: serverDirectory, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('pnpm check-content', () => {
  it('passes the practice bank and prints a count per kind', () => {
    const run = checkContent();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}listening +3 {2}\(at least 3\)$/m);
    expect(run.stdout).toMatch(/^ {2}speaking +\d+ {2}\(at least 12\)$/m);
    expect(run.stdout).toMatch(/✓ every item passes the content check/);
  });

  it('exits 1 naming the item and the rule when an item is broken', () => {
    const run = checkContent(`
      import { practiceQuestions as bank, practiceRubrics } from ${JSON.stringify(bankModule)};
      export { practiceRubrics };
      // Section 3 of the second Listening test loses the speaker's name on its first line.
      export const practiceQuestions = bank.map((question) =>
        question.question_id === 'li-test-02'
          ? { ...question, sections: question.sections.map((section) => (section.part === 3 ? { ...section, transcript: 'Well, hello.\\n' + section.transcript } : section)) }
          : question,
      );
    `);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('✗ 1 problem in the content:');
    expect(run.stderr).toContain('li-test-02 section 3: line 1 does not name its speaker ("NAME: …")');
    expect(run.stdout).toContain('Practice content:');
  });

  it('exits 1 on an item core’s schema refuses, and on a module without the bank’s exports', () => {
    const broken = checkContent(`
      import { practiceQuestions as bank, practiceRubrics } from ${JSON.stringify(bankModule)};
      export { practiceRubrics };
      export const practiceQuestions = bank.map((question) => (question.question_id === 'w2-003' ? { ...question, title: '' } : question));
    `);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^ {2}w2-003: title: /m);
    const empty = checkContent('export const questions = [];');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/must export the arrays practiceQuestions and practiceRubrics/);
    const unreadable = checkContent('export const practiceQuestions = [;');
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toMatch(/✗ the content module could not be read/);
  });
});
