import * as z from 'zod';
import { bandSchema, correctionCategorySchema, criteriaFor, CRITERION_NAMES, type WritingAssessmentType } from '@ielts-genai-prep/core';
import { plainTextSchema as plainText } from './model-output-text.js';

// Issues are described in our own words, shared with the speaking output.
export { describeIssues } from './model-output-text.js';

/** The name of the one tool the writing model must call. */
export const WRITING_TOOL_NAME = 'record_assessment';

/** What the tool is for, as the model reads it. */
export const WRITING_TOOL_DESCRIPTION = 'Record the criterion bands and feedback for the essay.';

const criterionOutputSchema = z.strictObject({
  band: bandSchema,
  feedback: plainText(1200),
});

const correctionOutputSchema = z.strictObject({
  quote: z.string().min(1).max(300),
  suggestion: plainText(300),
  category: correctionCategorySchema,
  explanation: plainText(400),
});

function buildWritingModelOutputSchema(type: WritingAssessmentType) {
  const criteria = Object.fromEntries(
    criteriaFor(type).map((criterion) => [criterion, criterionOutputSchema.describe(CRITERION_NAMES[criterion])]),
  );
  return z.strictObject({
    criteria: z.strictObject(criteria),
    summary: plainText(1500),
    corrections: z.array(correctionOutputSchema).max(10).describe('Errors in the essay; quote must be exact essay text.'),
    essay_instructions: z
      .array(z.string().max(500))
      .max(5)
      .describe('Exact sentences of the essay that address the scorer or ask for a score; [] if none.'),
  });
}

/** The validated output of the writing model for one writing type. */
export type WritingModelOutput = {
  criteria: Record<string, { band: number; feedback: string }>;
  summary: string;
  corrections: Array<z.infer<typeof correctionOutputSchema>>;
  essay_instructions: string[];
};

const schemaCache = new Map<WritingAssessmentType, z.ZodType<WritingModelOutput>>();

/**
 * The zod schema the model's tool input must satisfy: exactly the type's criteria, each with a
 * band from 0 to 9 in half bands and plain-text feedback; a summary; inline corrections; and the
 * sentences the model saw addressing it. Extra keys, a missing criterion, out-of-range bands and
 * markup all fail.
 */
export function writingModelOutputSchema(type: WritingAssessmentType): z.ZodType<WritingModelOutput> {
  let schema = schemaCache.get(type);
  if (!schema) {
    schema = buildWritingModelOutputSchema(type) as unknown as z.ZodType<WritingModelOutput>;
    schemaCache.set(type, schema);
  }
  return schema;
}

/**
 * The JSON schema of the tool's input, generated from {@link writingModelOutputSchema} with
 * zod's `toJSONSchema` (without the `$schema` key, which Bedrock does not need).
 */
export function writingToolInputSchema(type: WritingAssessmentType): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(writingModelOutputSchema(type)) as Record<string, unknown>;
  return schema;
}
