import * as z from 'zod';
import { assessmentTypeSchema } from './assessment-type.js';
import { identifierSchema } from './common.js';
import { criterionIdSchema } from './criteria.js';

/** Band descriptors of one criterion: per band ("9", "8", …, "0"), what a script at that band shows. */
export const bandDescriptorsSchema = z.record(z.string().regex(/^[0-9]$/, 'a whole band from 0 to 9'), z.string().max(2000));

/** An item of the rubrics table (key `rubric_id`). */
export const rubricSchema = z.object({
  rubric_id: identifierSchema,
  assessment_type: assessmentTypeSchema,
  /** The criteria, each equally weighted within the task unless `weight` says otherwise. */
  criteria: z.array(z.object({ criterion: criterionIdSchema, name: z.string().max(100), weight: z.number().positive().default(1) })).min(1),
  band_descriptors: z.partialRecord(criterionIdSchema, bandDescriptorsSchema),
  /** The task's weight within its skill (Writing task 2 counts double: 2). */
  weight: z.number().positive(),
  /** The descriptors' edition, e.g. "2023-05". */
  version: z.string().max(40),
});
/** An item of the rubrics table. */
export type Rubric = z.infer<typeof rubricSchema>;
