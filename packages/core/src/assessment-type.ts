import * as z from 'zod';
import { ASSESSMENT_TYPES } from './assessment-type-rules.js';

export * from './assessment-type-rules.js';

/** One of {@link ASSESSMENT_TYPES}. */
export const assessmentTypeSchema = z.enum(ASSESSMENT_TYPES);
