import { randomUUID } from 'node:crypto';
import {
  DEAD_MAIL_METRIC,
  createDynamoClients,
  createOutboxRepository,
  createTables,
  resolveTableNames,
} from '@ielts-genai-prep/dal-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmbeddedMetricMailMetrics } from './mail-metrics.js';
import { createMailSender, retryDelayMs } from './mail-sender.js';

describe('the mail retry delay', () => {
  const backoff = { baseDelayMs: 60_000, maxDelayMs: 3_600_000 };

  it('doubles from the base with each attempt up to the cap, half of it random (0 and 1: the ends of its range)', () => {
    const lowest = Array.from({ length: 10 }, (_, index) => retryDelayMs(index + 1, backoff, () => 0));
    const highest = Array.from({ length: 10 }, (_, index) => retryDelayMs(index + 1, backoff, () => 1));
    expect(lowest).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, 1_800_000, 1_800_000]);
    expect(highest).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(1, backoff, () => 0.5)).toBe(45_000);
  });

  it('adds up to two to four hours over the nine waits between ten attempts', () => {
    const total = (random: () => number) =>
      Array.from({ length: 9 }, (_, index) => retryDelayMs(index + 1, backoff, random)).reduce((sum, delay) => sum + delay, 0);
    expect(total(() => 0)).toBe(7_290_000);
    expect(total(() => 1)).toBe(14_580_000);
  });
});

describe('a message given up on', () => {
  const prefix = `m${randomUUID().slice(0, 8)}-`;
  const { client, documentClient } = createDynamoClients({ endpoint: inject('dynamoDbLocalEndpoint') });
  const outbox = createOutboxRepository({ documentClient, tableName: resolveTableNames({ prefix }).outbox });
  beforeAll(() => createTables({ client, prefix, tables: ['outbox'] }));
  afterAll(() => client.destroy());

  it('writes one Embedded Metric Format line for the alarm on dead mail, after its last attempt and not before', async () => {
    let now = Date.parse('2026-12-04T09:00:00.000Z');
    const lines: string[] = [];
    const sender = createMailSender({
      outbox,
      mailer: { send: () => Promise.reject(new Error('SES is down')) },
      compose: async (message) => ({ to: message.recipient, subject: 'Reset', text: 'Reset', html: '<p>Reset</p>' }),
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      metrics: createEmbeddedMetricMailMetrics({ write: (line) => lines.push(line), functionName: 'ielts-server', clock: () => now }),
      clock: () => now,
      maxAttempts: 2,
      random: () => 0,
    });
    const message = await outbox.enqueue(
      { kind: 'password_reset', recipient: 'dead@example.com', request_id: 'request-dead-1' },
      { now: new Date(now) },
    );

    expect(await sender.drain({ messageIds: [message.message_id] })).toMatchObject({ retried: 1, dead: 0 });
    expect(lines).toEqual([]);
    // Past the first retry's wait (30 s with no jitter): the second attempt is the last.
    now += 60_000;
    expect(await sender.drain({ messageIds: [message.message_id] })).toMatchObject({ retried: 0, dead: 1 });

    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        _aws: {
          Timestamp: now,
          CloudWatchMetrics: [
            {
              Namespace: DEAD_MAIL_METRIC.namespace,
              Dimensions: [[DEAD_MAIL_METRIC.functionNameDimension]],
              Metrics: [{ Name: DEAD_MAIL_METRIC.metricName, Unit: 'Count' }],
            },
          ],
        },
        FunctionName: 'ielts-server',
        DeadMail: 1,
        message_id: message.message_id,
        kind: 'password_reset',
        request_id: 'request-dead-1',
      },
    ]);
    // Dead is dead: nothing more is tried, nothing more counted.
    now += 3_600_000;
    expect(await sender.drain()).toMatchObject({ sent: 0, retried: 0, dead: 0 });
    expect(lines).toHaveLength(1);
  });

  it('counts off Lambda with no dimension, one value per line', () => {
    const lines: string[] = [];
    createEmbeddedMetricMailMetrics({ write: (line) => lines.push(line), functionName: undefined, clock: () => 0 }).deadMail({
      message_id: 'message-1',
      kind: 'verification',
      request_id: null,
    });
    const [line] = lines.map((text) => JSON.parse(text));
    expect(line._aws.CloudWatchMetrics[0].Dimensions).toEqual([[]]);
    expect(line).not.toHaveProperty('FunctionName');
    expect(line.DeadMail).toBe(1);
  });
});
