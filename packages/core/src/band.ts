import * as z from 'zod';

export * from './band-rules.js';

/** An IELTS band: 0–9 in half bands. */
export const bandSchema = z.number().min(0).max(9).multipleOf(0.5);
