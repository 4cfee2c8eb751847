import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { assessmentTypeSchema, normalizeEmail, purchaseSourceSchema, type AssessmentType } from '@ielts-genai-prep/core';
import type { Repositories } from '@ielts-genai-prep/dal-dynamodb';
import * as z from 'zod';
import { grantPack } from './purchase-grant.js';

/** How to call the grant command. */
export const GRANT_USAGE = `Usage: grant --email EMAIL --product PRODUCT_ID --types TYPE[,TYPE...] --count N
             [--purchase-id ID] [--expires ISO_DATE_TIME] [--source admin|promotion|web|app_store|google_play]

Adds a purchase to a user's record: N more assessments of each TYPE.
Types: ${assessmentTypeSchema.options.join(', ')}.
Idempotent: the purchase id defaults to a hash of the email, product, types, count and expiry,
so running the same command twice grants once. Give --purchase-id to grant the same pack again.`;

const argumentsSchema = z.object({
  email: z.email('--email must be an email address'),
  product: z.string().min(1, '--product is required').max(128),
  types: z
    .string({ error: '--types is required' })
    .transform((value) =>
      value
        .split(',')
        .map((type) => type.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.enum(assessmentTypeSchema.options, { error: `--types takes: ${assessmentTypeSchema.options.join(', ')}` }))
        .min(1, '--types is required'),
    ),
  count: z
    .string({ error: '--count is required' })
    .regex(/^\d+$/, '--count must be a whole number')
    .transform(Number)
    .pipe(z.int().min(1, '--count must be at least 1').max(10_000)),
  'purchase-id': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,128}$/, '--purchase-id: 1–128 letters, digits, "_", "-", "." or ":"')
    .optional(),
  expires: z.iso.datetime({ error: '--expires must be an ISO date-time such as 2027-01-01T00:00:00Z' }).optional(),
  source: purchaseSourceSchema.default('admin'),
});

/** What the grant command needs. */
export interface GrantProgramOptions {
  repositories: Pick<Repositories, 'users'>;
  /** The clock, in milliseconds since the epoch: the grant's purchase time. Default `Date.now`. */
  clock?: () => number;
  output: { log: (line: string) => void; error: (line: string) => void };
}

/** Runs the grant command with `argv` (without node and script); returns the exit code. */
export async function runGrant(argv: readonly string[], options: GrantProgramOptions): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        email: { type: 'string' },
        product: { type: 'string' },
        types: { type: 'string' },
        count: { type: 'string' },
        'purchase-id': { type: 'string' },
        expires: { type: 'string' },
        source: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    options.output.error(`${error instanceof Error ? error.message : String(error)}\n\n${GRANT_USAGE}`);
    return 2;
  }
  if (values.help) {
    options.output.log(GRANT_USAGE);
    return 0;
  }
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    options.output.error(`${parsed.error.issues.map((issue) => issue.message).join('\n')}\n\n${GRANT_USAGE}`);
    return 2;
  }
  const input = parsed.data;
  const email = normalizeEmail(input.email);
  const types = [...new Set(input.types)].sort() as AssessmentType[];
  const purchaseId =
    input['purchase-id'] ??
    `admin-${createHash('sha256')
      .update(JSON.stringify([email, input.product, types, input.count, input.expires ?? null]))
      .digest('hex')
      .slice(0, 24)}`;

  const user = await options.repositories.users.get(email);
  if (!user) {
    options.output.error(`No user ${email}: they must register first.`);
    return 1;
  }
  const { added } = await grantPack(options.repositories, {
    email,
    purchaseId,
    productId: input.product,
    assessmentTypes: types,
    assessments: input.count,
    purchasedAt: new Date((options.clock ?? Date.now)()),
    expiresAt: input.expires ?? null,
    source: input.source,
  });
  options.output.log(
    added
      ? `Granted ${input.count} × ${types.join(', ')} to ${email} (purchase ${purchaseId}).`
      : `Purchase ${purchaseId} was already granted to ${email}: nothing changed.`,
  );
  return 0;
}
