import { describe, expect, it } from 'vitest';
import type { Logger } from './app-services.js';
import { createMailQueue } from './mail-queue.js';

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = { info: () => undefined, warn: () => undefined, error: (message) => void lines.push(message) };
  return { logger, lines };
}

describe('mail queue', () => {
  it('starts jobs only after the caller has moved on, in order, and says when all have ended', async () => {
    const { logger } = recordingLogger();
    const queue = createMailQueue({ logger });
    const order: string[] = [];
    queue.enqueue('first', async () => void order.push('first'));
    queue.enqueue('second', async () => void order.push('second'));
    order.push('answered');
    expect(queue.pending).toBe(2);
    await queue.idle();
    expect(order).toEqual(['answered', 'first', 'second']);
    expect(queue.pending).toBe(0);
  });

  it('logs a failed job and a job beyond its bound, and never throws', async () => {
    const { logger, lines } = recordingLogger();
    const queue = createMailQueue({ logger, maxPending: 1 });
    queue.enqueue('failing', async () => Promise.reject(new Error('SES down')));
    queue.enqueue('dropped', async () => undefined);
    await queue.idle();
    expect(lines).toEqual(['mail dropped: the mail queue is full', 'mail job failed']);
  });
});
