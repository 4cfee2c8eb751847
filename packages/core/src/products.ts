import * as z from 'zod';
import {
  ASSESSMENT_TYPES,
  READING_ASSESSMENT_TYPES,
  WRITING_ASSESSMENT_TYPES,
  assessmentTypeSchema,
  type AssessmentType,
} from './assessment-type.js';
import { identifierSchema } from './common.js';

/** A price in the currency's minor units (pence, cents): `{ amount: 999, currency: 'gbp' }` is £9.99. */
export const priceSchema = z.object({
  /** In minor units, as payment providers take it. */
  amount: z.int().min(1),
  /** ISO 4217, lowercase (`gbp`, `usd`). */
  currency: z.string().regex(/^[a-z]{3}$/, 'must be a lowercase ISO 4217 code such as gbp'),
});
/** A price in minor units. */
export type Price = z.infer<typeof priceSchema>;

/** A pack a learner can buy: so many more assessments of each type it covers. */
export const productSchema = z.object({
  product_id: identifierSchema,
  name: z.string().min(1).max(100),
  description: z.string().max(300),
  /** The assessment types the pack adds assessments to. */
  assessment_types: z.array(assessmentTypeSchema).min(1),
  /** How many assessments of each of those types it adds. */
  assessments: z.int().min(1).max(10_000),
  price: priceSchema,
  /** Days the pack's assessments can be used after buying; null when they never expire. */
  validity_days: z.int().min(1).nullable(),
});
/** A pack a learner can buy. */
export type Product = z.infer<typeof productSchema>;

/**
 * Every pack on sale, with its price: the one table the server sells from (checkout charges these
 * prices and the webhook grants these contents) and apps show.
 */
export const PRODUCTS = [
  {
    product_id: 'writing-pack-5',
    name: 'Writing pack',
    description: '5 more of each writing task: Academic Task 1, General Training Task 1 and Task 2.',
    assessment_types: [...WRITING_ASSESSMENT_TYPES],
    assessments: 5,
    price: { amount: 999, currency: 'gbp' },
    validity_days: 180,
  },
  {
    product_id: 'speaking-pack-3',
    name: 'Speaking pack',
    description: '3 more full speaking tests with an examiner, Parts 1 to 3.',
    assessment_types: ['speaking'],
    assessments: 3,
    price: { amount: 999, currency: 'gbp' },
    validity_days: 180,
  },
  {
    product_id: 'reading-listening-pack-5',
    name: 'Reading and listening pack',
    description: '5 more of each reading test (Academic and General Training) and 5 more listening tests.',
    assessment_types: [...READING_ASSESSMENT_TYPES, 'listening'],
    assessments: 5,
    price: { amount: 499, currency: 'gbp' },
    validity_days: 180,
  },
  {
    product_id: 'complete-pack-10',
    name: 'Complete pack',
    description: '10 more of every assessment: all writing tasks, speaking, reading and listening.',
    assessment_types: [...ASSESSMENT_TYPES],
    assessments: 10,
    price: { amount: 2499, currency: 'gbp' },
    validity_days: 365,
  },
] as const satisfies readonly Product[];

/** The id of a pack on sale. */
export type ProductId = (typeof PRODUCTS)[number]['product_id'];

/** The id of a pack on sale: a field-level error names the ones there are. */
export const productIdSchema = z.enum(PRODUCTS.map((product) => product.product_id) as [ProductId, ...ProductId[]], {
  error: `must be one of ${PRODUCTS.map((product) => product.product_id).join(', ')}`,
});

/** The pack with this id, or undefined when none is on sale. */
export function findProduct(productId: string): Product | undefined {
  return (PRODUCTS as readonly Product[]).find((product) => product.product_id === productId);
}

/** The packs on sale that add assessments of `type`, cheapest first. */
export function productsCovering(type: AssessmentType): Product[] {
  return (PRODUCTS as readonly Product[])
    .filter((product) => product.assessment_types.includes(type))
    .sort((left, right) => left.price.amount - right.price.amount);
}

/** A price as people read it, in `locale` (default `en-GB`): `£9.99`. */
export function formatPrice(price: Price, locale = 'en-GB'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency.toUpperCase() });
  // Minor units per major unit from the currency's own digits (2 for GBP, 0 for JPY).
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(price.amount / 10 ** digits);
}
