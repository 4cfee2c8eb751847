import * as z from 'zod';
import { assessmentTypeSchema } from './assessment-type.js';
import { identifierSchema } from './common.js';

/** The kinds of thing a map feature shows; apps choose its fill and stroke by kind. */
export const mapFeatureKindSchema = z.enum(['building', 'road', 'path', 'water', 'trees', 'open_space', 'farmland', 'parking', 'other']);
/** The kind of thing a map feature shows. */
export type MapFeatureKind = z.infer<typeof mapFeatureKindSchema>;

/** A point on a map's grid: `x` from the west edge, `y` from the north edge (north is up). */
export const mapPointSchema = z.object({ x: z.number().min(0).max(100), y: z.number().min(0).max(100) });
/** A point on a map's grid. */
export type MapPoint = z.infer<typeof mapPointSchema>;

const mapFeatureBase = { kind: mapFeatureKindSchema, label: z.string().min(1).max(100) };
// A rectangle's corner and a circle's centre are grid points.
const mapPlacement = mapPointSchema.shape;

/**
 * One feature of a map, in grid units: a rectangle (`x`, `y` its north-west corner), a circle
 * (`x`, `y` its centre), a line through `points` (a road, a river, a footpath) or a closed
 * polygon through `points` (a lake, a field).
 */
export const mapFeatureSchema = z.discriminatedUnion('shape', [
  z.object({
    shape: z.literal('rect'),
    ...mapFeatureBase,
    ...mapPlacement,
    width: z.number().positive().max(100),
    height: z.number().positive().max(100),
  }),
  z.object({
    shape: z.literal('circle'),
    ...mapFeatureBase,
    ...mapPlacement,
    radius: z.number().positive().max(50),
  }),
  z.object({ shape: z.literal('line'), ...mapFeatureBase, points: z.array(mapPointSchema).min(2).max(30) }),
  z.object({ shape: z.literal('polygon'), ...mapFeatureBase, points: z.array(mapPointSchema).min(3).max(30) }),
]);
/** One feature of a map. */
export type MapFeature = z.infer<typeof mapFeatureSchema>;

// The furthest east and south a feature reaches, to keep it on its grid.
function mapFeatureExtent(feature: MapFeature): { east: number; south: number } {
  switch (feature.shape) {
    case 'rect':
      return { east: feature.x + feature.width, south: feature.y + feature.height };
    case 'circle':
      return { east: feature.x + feature.radius, south: feature.y + feature.radius };
    case 'line':
    case 'polygon':
      return { east: Math.max(...feature.points.map((point) => point.x)), south: Math.max(...feature.points.map((point) => point.y)) };
  }
}

/**
 * A drawable map: a `width` × `height` grid and one view per period ("1995" and "Today"),
 * or a single view for a plan. Features are drawn in order, so later ones sit on top.
 */
export const mapDataSchema = z
  .object({
    width: z.int().min(1).max(100),
    height: z.int().min(1).max(100),
    views: z
      .array(z.object({ label: z.string().min(1).max(100), features: z.array(mapFeatureSchema).min(1).max(40) }))
      .min(1)
      .max(3),
  })
  .superRefine((map, context) => {
    map.views.forEach((view, viewIndex) => {
      view.features.forEach((feature, featureIndex) => {
        const extent = mapFeatureExtent(feature);
        const outside = feature.shape === 'circle' && (feature.x < feature.radius || feature.y < feature.radius);
        if (outside || extent.east > map.width || extent.south > map.height) {
          context.addIssue({
            code: 'custom',
            message: `"${feature.label}" reaches outside the ${map.width} × ${map.height} grid`,
            path: ['views', viewIndex, 'features', featureIndex],
          });
        }
      });
    });
  });
/** A drawable map. */
export type MapData = z.infer<typeof mapDataSchema>;

/** Data of an Academic task 1 chart, so apps can draw it. */
export const chartSchema = z
  .object({
    chart_type: z.enum(['bar', 'line', 'pie', 'table', 'process', 'map']),
    title: z.string().max(300),
    /** The labels along the x axis, the slices of a pie, or a table's columns. */
    categories: z.array(z.string().max(100)).max(50),
    /** One series per line, bar group or table row; `values[i]` belongs to `categories[i]`. */
    series: z.array(z.object({ name: z.string().max(100), values: z.array(z.number().nullable()).max(50) })).max(20),
    unit: z.string().max(40).nullable().default(null),
    x_label: z.string().max(100).nullable().default(null),
    y_label: z.string().max(100).nullable().default(null),
    /** Steps of a process or features of a map, when the chart is not numeric. */
    steps: z.array(z.string().max(300)).max(30).default([]),
    /**
     * A map's shapes and positions, so an app can draw it; `steps` still describe its features
     * in words. Absent on other charts and on maps written before maps were drawable.
     */
    map: mapDataSchema.optional(),
  })
  .refine((chart) => chart.map === undefined || chart.chart_type === 'map', {
    message: 'only a map chart carries map data',
    path: ['map'],
  });
/** Data of an Academic task 1 chart. */
export type Chart = z.infer<typeof chartSchema>;

/** How answers to a group of questions are written, taken from its instructions. */
export const answerFormatSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('words'),
    /** "NO MORE THAN TWO WORDS" → 2. */
    max_words: z.int().min(1).max(5),
    /** Whether a number may be given ("AND/OR A NUMBER"); "ONE WORD ONLY" allows none. */
    numbers_allowed: z.boolean(),
  }),
  z.object({ kind: z.literal('number') }),
  z.object({ kind: z.literal('true_false_not_given') }),
  z.object({ kind: z.literal('yes_no_not_given') }),
  /** Choose a letter (multiple choice, matching). */
  z.object({
    kind: z.literal('letter'),
    options: z
      .array(z.string().regex(/^[A-Z]$|^[ivx]+$/))
      .min(2)
      .max(26),
  }),
]);
/** How answers to a group of questions are written. */
export type AnswerFormat = z.infer<typeof answerFormatSchema>;

/** A numbered point on a diagram, in the drawing's grid units: where question `number`'s label goes. */
export const diagramLabelSchema = z.object({
  number: z.int().min(1).max(40),
  x: z.number().min(0).max(100),
  y: z.number().min(0).max(100),
});
/** A numbered point on a diagram. */
export type DiagramLabel = z.infer<typeof diagramLabelSchema>;

/**
 * The figure of a diagram-label group ("Label the diagram below"): a drawing in one view, in the
 * same shapes as a map, and one numbered label point per question. Apps draw the shapes and the
 * numbered callouts but not the features' labels, which name the parts for authors: they are
 * sent before the answers, so they must not be the answers.
 */
export const diagramSchema = z
  .object({
    /** What the figure shows ("A rammed earth house in cross-section"). */
    title: z.string().min(1).max(300),
    drawing: mapDataSchema,
    labels: z.array(diagramLabelSchema).min(1).max(40),
  })
  .superRefine((diagram, context) => {
    if (diagram.drawing.views.length !== 1) {
      context.addIssue({ code: 'custom', message: 'a diagram is drawn in one view', path: ['drawing', 'views'] });
    }
    diagram.labels.forEach((label, index) => {
      if (label.x > diagram.drawing.width || label.y > diagram.drawing.height) {
        context.addIssue({
          code: 'custom',
          message: `label ${label.number} lies outside the ${diagram.drawing.width} × ${diagram.drawing.height} grid`,
          path: ['labels', index],
        });
      }
    });
  });
/** The figure of a diagram-label group. */
export type Diagram = z.infer<typeof diagramSchema>;

/** A group of questions sharing instructions (e.g. questions 1–6, TRUE/FALSE/NOT GIVEN). */
export const questionGroupSchema = z
  .object({
    group_id: identifierSchema,
    /** The passage (reading) or section (listening) it belongs to. */
    part: z.int().min(1).max(4),
    instructions: z.string().max(1000),
    answer_format: answerFormatSchema,
    /** Options for letter answers, such as "A": "the cost of transport". */
    options: z.array(z.object({ letter: z.string().max(5), text: z.string().max(500) })).default([]),
    questions: z.array(z.object({ number: z.int().min(1).max(40), text: z.string().max(1000) })).min(1),
    /** The figure a diagram-label group labels; absent on every other group. */
    diagram: diagramSchema.optional(),
  })
  .refine(
    (group) => {
      if (group.diagram === undefined) return true;
      const labelled = group.diagram.labels.map((label) => label.number).sort((a, b) => a - b);
      const asked = group.questions.map((question) => question.number).sort((a, b) => a - b);
      return labelled.length === asked.length && labelled.every((number, index) => number === asked[index]);
    },
    { message: 'the diagram needs one label for each of the group’s question numbers, and no others', path: ['diagram', 'labels'] },
  );
/** A group of questions sharing instructions. */
export type QuestionGroup = z.infer<typeof questionGroupSchema>;

/**
 * An answer key: per question number, the accepted answers as a key writes them —
 * alternatives with "/" ("colour / color") and optional words in brackets ("(the) river").
 */
export const answerKeySchema = z.record(z.string().regex(/^([1-9]|[1-3][0-9]|40)$/), z.string().min(1).max(300));
/** An answer key. */
export type AnswerKey = z.infer<typeof answerKeySchema>;

/** A speaking set: part 1 questions, a part 2 cue card, part 3 discussion questions. */
export const speakingSetSchema = z.object({
  part1: z
    .object({
      topic: z.string().max(200),
      questions: z.array(z.string().max(500)).min(1).max(12),
      /**
       * The interview's topics in order (the test usually has three), each asking the next
       * `question_count` of `questions`; absent when the set is written as one topic.
       */
      topics: z
        .array(z.object({ topic: z.string().max(200), question_count: z.int().min(1).max(12) }))
        .min(1)
        .max(4)
        .optional(),
    })
    .refine(
      (part1) =>
        part1.topics === undefined || part1.topics.reduce((sum, topic) => sum + topic.question_count, 0) === part1.questions.length,
      {
        message: 'the topics’ question counts must add up to the number of questions',
        path: ['topics'],
      },
    ),
  part2: z.object({
    topic: z.string().max(300),
    /** "You should say: …" points. */
    prompts: z.array(z.string().max(300)).min(1).max(6),
    closing: z.string().max(300),
    follow_up: z.array(z.string().max(300)).max(3).default([]),
  }),
  part3: z.object({ topic: z.string().max(200), questions: z.array(z.string().max(500)).min(1).max(12) }),
});
/** A speaking set. */
export type SpeakingSet = z.infer<typeof speakingSetSchema>;

const publicQuestionShape = {
  question_id: identifierSchema,
  assessment_type: assessmentTypeSchema,
  title: z.string().min(1).max(300),
  /** The task as the candidate reads it. */
  prompt: z.string().min(1).max(5000),
  /** The minimum words (writing); null elsewhere. */
  word_limit: z.int().min(1).nullable().default(null),
  /** Minutes allowed. */
  time_limit: z.int().min(1).max(240),
  /** Academic task 1: the chart's data. */
  chart: chartSchema.nullable().default(null),
  /** General Training task 1: the points the letter must cover. */
  letter_points: z.array(z.string().max(300)).max(5).default([]),
  speaking: speakingSetSchema.nullable().default(null),
  /** Reading passages. */
  passages: z
    .array(z.object({ part: z.int().min(1).max(3), title: z.string().max(300), text: z.string().max(20_000) }))
    .max(3)
    .default([]),
  /**
   * Listening sections. The transcript is what the apps speak by speech synthesis when there is
   * no recording, and what they show after the answers are submitted; `audio_url` and
   * `audio_duration_seconds` when the section is recorded (then it plays instead).
   */
  sections: z
    .array(
      z
        .object({
          part: z.int().min(1).max(4),
          title: z.string().max(300),
          transcript: z.string().max(20_000),
          audio_url: z.url().nullable().default(null),
          /** How long the recording plays; with `audio_url` only. */
          audio_duration_seconds: z.number().positive().max(3600).nullable().default(null),
        })
        .refine((section) => (section.audio_url === null) === (section.audio_duration_seconds === null), {
          message: 'a recorded section needs both audio_url and audio_duration_seconds',
          path: ['audio_duration_seconds'],
        }),
    )
    .max(4)
    .default([]),
  question_groups: z.array(questionGroupSchema).max(20).default([]),
  tags: z.array(z.string().max(50)).max(20).default([]),
};

/**
 * A question as learners see it before they answer. Parsing strips unknown keys, so a
 * question item parsed with this schema never carries its answer key.
 */
export const publicQuestionSchema = z.object(publicQuestionShape);
/** A question as learners see it. */
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

/** An item of the questions table (key `question_id`, GSI on `assessment_type`), answer key included. */
export const questionSchema = z.object({
  ...publicQuestionShape,
  /** Reading and listening only; never sent to a client before submission. */
  answer_key: answerKeySchema.nullable().default(null),
});
/** An item of the questions table. */
export type Question = z.infer<typeof questionSchema>;

/** The question without its answer key. */
export function toPublicQuestion(question: Question): PublicQuestion {
  return publicQuestionSchema.parse(question);
}
