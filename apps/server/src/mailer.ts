import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE } from './private-files.js';

/** One email: plain text, with an HTML alternative. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends email. Callers treat a failure as non-fatal: see the routes that send. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

/** Options for {@link createSesMailer}. */
export interface SesMailerOptions {
  /** An SES client (the caller owns region, endpoint and credentials). */
  client: SESClient;
  /** The sender, e.g. `IELTS GenAI Prep <no-reply@example.com>`; must be verified in SES. */
  from: string;
  /**
   * Milliseconds to wait for SES before giving up on a message. The AWS SDK waits forever by
   * default, and a request that sends mail (registration, a scored answer) waits for it. Default 10000.
   */
  timeoutMs?: number;
}

/** A {@link Mailer} on Amazon SES (`SendEmail`). */
export function createSesMailer(options: SesMailerOptions): Mailer {
  return {
    async send(message) {
      await options.client.send(
        new SendEmailCommand({
          Source: options.from,
          Destination: { ToAddresses: [message.to] },
          Message: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
          },
        }),
        { abortSignal: AbortSignal.timeout(options.timeoutMs ?? 10_000) },
      );
    },
  };
}

/** Options for {@link createOutboxMailer}. */
export interface OutboxMailerOptions {
  /** The folder to write messages into; created when missing. */
  directory: string;
  /** The sender shown in each file. */
  from: string;
  /** The clock, in milliseconds since the epoch: the time each message is stamped with. Default `Date.now`. */
  clock?: () => number;
}

/**
 * A {@link Mailer} for local development: each message becomes a `.eml` file (headers, then the
 * plain-text body) in a folder, named by time and subject, so a developer can open the links.
 */
export function createOutboxMailer(options: OutboxMailerOptions): Mailer {
  const clock = options.clock ?? Date.now;
  let sequence = 0;
  return {
    async send(message) {
      await mkdir(options.directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
      const sentAt = new Date(clock());
      sequence += 1;
      const slug = message.subject
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40);
      const stamp = sentAt.toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${String(sequence).padStart(4, '0')}-${slug}.eml`;
      const content = [
        `From: ${options.from}`,
        `To: ${message.to}`,
        `Subject: ${message.subject}`,
        `Date: ${sentAt.toUTCString()}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        message.text,
        '',
      ].join('\n');
      await writeFile(path.join(options.directory, name), content, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
    },
  };
}
