import type { CriterionId, WritingAssessmentType } from '@ielts-genai-prep/core';

/**
 * Built-in band descriptors for the writing criteria, used when no rubric is given. They are
 * short summaries in our own words of the public IELTS Writing band descriptors (May 2023
 * edition), kept brief because every word is sent with every assessment.
 */

/** Descriptors of one criterion by whole band ("9" … "1"). */
export type BandDescriptorTable = Readonly<Record<string, string>>;

const TASK_RESPONSE: BandDescriptorTable = {
  '9': 'Fully answers every part; position clear throughout; ideas fully extended and well supported.',
  '8': 'Answers all parts well; clear position; ideas relevant, extended and supported, rare lapses.',
  '7': 'Addresses all parts; clear position; main ideas extended and supported, some over-generalised or unfocused.',
  '6': 'Addresses all parts, some more fully; relevant position though conclusions may be unclear; some ideas under-developed.',
  '5': 'Addresses the task only partly; position unclear; ideas limited, under-developed or irrelevant.',
  '4': 'Minimal or tangential response; position unclear; few ideas, unsupported or repetitive.',
  '3': 'Does not address the task adequately; no clear position; few, undeveloped or irrelevant ideas.',
  '2': 'Barely related to the task; no position; ideas hardly developed.',
  '1': 'Wholly unrelated to the task, or too little language to judge.',
};

const TASK_ACHIEVEMENT_ACADEMIC: BandDescriptorTable = {
  '9': 'Fully meets the task; clear overview; key features fully and accurately presented and compared.',
  '8': 'Covers all requirements well; clear overview; key features highlighted and well illustrated.',
  '7': 'Covers the requirements; clear overview of main trends or differences; key features highlighted, could be extended.',
  '6': 'Addresses the requirements; an overview; key features covered, some details irrelevant, inaccurate or missing.',
  '5': 'Generally addresses the task; no clear overview; details recounted mechanically, little data.',
  '4': 'Attempts the task but misses key features; format may be unsuitable; details may be inaccurate.',
  '3': 'Fails to address the task; key features largely missing or misunderstood.',
  '2': 'Barely related to the task.',
  '1': 'Wholly unrelated to the task, or too little language to judge.',
};

const TASK_ACHIEVEMENT_LETTER: BandDescriptorTable = {
  '9': 'All bullet points fully covered; purpose clear; tone consistently appropriate.',
  '8': 'All bullet points covered and well extended; clear purpose; tone appropriate.',
  '7': 'All bullet points covered and highlighted, could be extended; clear purpose; tone consistent.',
  '6': 'All bullet points addressed, some unevenly; purpose generally clear; tone may slip.',
  '5': 'Bullet points addressed partly or mechanically; purpose sometimes unclear; tone inconsistent.',
  '4': 'Some bullet points missing or tangential; purpose unclear; tone unsuitable.',
  '3': 'Fails to address the task; bullet points largely missing or misunderstood.',
  '2': 'Barely related to the task.',
  '1': 'Wholly unrelated to the task, or too little language to judge.',
};

const COHERENCE_COHESION: BandDescriptorTable = {
  '9': 'Cohesion attracts no attention; skilful paragraphing; seamless progression.',
  '8': 'Logical sequencing; cohesion well managed; paragraphing sufficient and appropriate.',
  '7': 'Logical organisation with clear progression; range of linking, some over- or under-used; clear paragraphs.',
  '6': 'Coherent with overall progression; linking effective but mechanical or faulty at times; referencing or paragraphing not always logical.',
  '5': 'Some organisation but weak progression; linking limited, inaccurate or overused; repetitive; paragraphing inadequate.',
  '4': 'Ideas not arranged coherently; basic, inaccurate or repetitive linking; no clear progression or paragraphs.',
  '3': 'Ideas not logically organised; very limited linking.',
  '2': 'Little control of organisation.',
  '1': 'Fails to communicate a message.',
};

const LEXICAL_RESOURCE: BandDescriptorTable = {
  '9': 'Wide, natural, sophisticated vocabulary; errors only rare slips.',
  '8': 'Wide vocabulary used fluently and precisely; skilful less common items; rare spelling or word-form errors.',
  '7': 'Enough range for flexibility and precision; less common items with awareness of style and collocation; occasional errors.',
  '6': 'Adequate range; tries less common words with some inaccuracy; spelling or word-form errors do not impede meaning.',
  '5': 'Limited, minimally adequate range; noticeable spelling or word-form errors that may cause difficulty.',
  '4': 'Basic, repetitive vocabulary; poor control of word formation and spelling; errors strain the reader.',
  '3': 'Very limited range and control; errors severely distort meaning.',
  '2': 'Extremely limited range; essentially no control of word formation.',
  '1': 'Only a few isolated words.',
};

const GRAMMATICAL_RANGE_ACCURACY: BandDescriptorTable = {
  '9': 'Wide range of structures used flexibly and accurately; only rare slips.',
  '8': 'Wide range of structures; most sentences error-free; occasional non-systematic errors.',
  '7': 'Variety of complex structures; frequent error-free sentences; good control with a few errors.',
  '6': 'Mix of simple and complex forms; some grammar and punctuation errors that rarely impede meaning.',
  '5': 'Limited range; complex sentences attempted but less accurate; frequent errors may cause difficulty.',
  '4': 'Very limited range; rare subordinate clauses; errors predominate; punctuation often faulty.',
  '3': 'Sentence forms attempted but errors predominate and distort meaning.',
  '2': 'Little beyond memorised phrases.',
  '1': 'No sentence forms.',
};

/** The built-in descriptors of each writing type, by criterion. */
export const DEFAULT_WRITING_BAND_DESCRIPTORS: Readonly<Record<WritingAssessmentType, Partial<Record<CriterionId, BandDescriptorTable>>>> =
  {
    writing_task1_academic: {
      task_achievement: TASK_ACHIEVEMENT_ACADEMIC,
      coherence_cohesion: COHERENCE_COHESION,
      lexical_resource: LEXICAL_RESOURCE,
      grammatical_range_accuracy: GRAMMATICAL_RANGE_ACCURACY,
    },
    writing_task1_general_training: {
      task_achievement: TASK_ACHIEVEMENT_LETTER,
      coherence_cohesion: COHERENCE_COHESION,
      lexical_resource: LEXICAL_RESOURCE,
      grammatical_range_accuracy: GRAMMATICAL_RANGE_ACCURACY,
    },
    writing_task2: {
      task_response: TASK_RESPONSE,
      coherence_cohesion: COHERENCE_COHESION,
      lexical_resource: LEXICAL_RESOURCE,
      grammatical_range_accuracy: GRAMMATICAL_RANGE_ACCURACY,
    },
  };
