import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from './private-files.js';

const FILE_NAME = 'embedded-dynamodb.json';

/**
 * Records where a running server's embedded store listens, so the admin CLI can use it while the
 * server runs (the store's files take one process at a time).
 */
export function writeEmbeddedEndpoint(dataDir: string, endpoint: string): () => void {
  const file = path.join(dataDir, FILE_NAME);
  writeFileSync(file, JSON.stringify({ endpoint, pid: process.pid }), { mode: PRIVATE_FILE_MODE });
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The endpoint a running server's embedded store listens on, if its process is alive and the store answers. */
export async function findRunningEmbeddedEndpoint(dataDir: string): Promise<string | undefined> {
  let endpoint: string;
  let pid: number | undefined;
  try {
    ({ endpoint, pid } = JSON.parse(readFileSync(path.join(dataDir, FILE_NAME), 'utf8')) as { endpoint: string; pid?: number });
  } catch {
    return undefined;
  }
  // Left behind by a server that was killed: its port may now belong to something else.
  if (pid !== undefined && !isAlive(pid)) return undefined;
  try {
    await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1000) });
    return endpoint;
  } catch {
    return undefined;
  }
}
