import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server package's folder (dist/main.js is under it). */
const packageDirectory = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

/** `node dist/main.js` running, and the URL it printed. */
export interface MainProcess {
  child: ChildProcess;
  url: string;
}

/**
 * Starts `node dist/main.js` with `environment` over this process's and resolves once it prints
 * the URL it listens on; rejects with its output if it exits first or prints none within two
 * minutes (a guard against a hang, not a bound on speed: a busy machine starts a server slowly).
 */
export async function startMainProcess(environment: Record<string, string>): Promise<MainProcess> {
  const child = spawn(process.execPath, [path.join(packageDirectory, 'dist', 'main.js')], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 120_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

/** Resolves once the process has exited (at once if it has). */
export function processExited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}
