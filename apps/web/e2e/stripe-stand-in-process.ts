import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The reference server's stand-in of Stripe's API, run as its own process (Node strips its types). */
const standInEntry = path.join(repositoryRoot, 'apps', 'server', 'src', 'test-support', 'stripe-stand-in.ts');

/** A webhook delivery the stand-in made, with the server's answer. */
export interface StandInDelivery {
  eventId: string;
  status: number;
  body: string;
}

/** The Stripe stand-in in a child process on a loopback port. */
export interface StripeStandInProcess {
  /** Give it to the server as STRIPE_API_BASE. */
  apiBase: string;
  /** Where the hosted checkout's Pay button delivers the completed event, and how many times at once. */
  configureWebhook(url: string, deliveries: number): Promise<void>;
  deliveries(): Promise<StandInDelivery[]>;
  stop(): Promise<void>;
}

/** Starts the stand-in with `webhookSecret` (give the server the same as STRIPE_WEBHOOK_SECRET). */
export async function startStripeStandInProcess(webhookSecret: string, timeoutMs = 30_000): Promise<StripeStandInProcess> {
  const child: ChildProcess = spawn(process.execPath, [standInEntry, '--webhook-secret', webhookSecret], {
    cwd: path.dirname(standInEntry),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  const apiBase = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Stripe stand-in did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Stripe stand-in exited with code ${code}:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    apiBase,
    async configureWebhook(url, deliveries) {
      const response = await fetch(`${apiBase}/_stand-in/webhook`, { method: 'POST', body: JSON.stringify({ url, deliveries }) });
      if (response.status !== 204) throw new Error(`the stand-in refused the webhook settings: ${response.status}`);
    },
    deliveries: async () => (await (await fetch(`${apiBase}/_stand-in/deliveries`)).json()) as StandInDelivery[],
    stop,
  };
}
