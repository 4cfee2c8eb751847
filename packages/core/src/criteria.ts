import * as z from 'zod';
import { CRITERION_IDS } from './criteria-rules.js';

export * from './criteria-rules.js';

/** One of {@link CRITERION_IDS}. */
export const criterionIdSchema = z.enum(CRITERION_IDS);
