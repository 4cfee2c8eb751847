import { CRITERION_NAMES, criteriaFor, type AssessmentType, type CriterionId, type Rubric } from '@ielts-genai-prep/core';

/** The edition of the public band descriptors these paraphrases follow. */
export const RUBRIC_VERSION = '2023-05';

/** What a response shows at each whole band, keyed "0"–"9". */
type BandDescriptors = Record<'0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9', string>;

// Bands 0 and 1 share their conditions across the writing criteria, so they are written once.
const WRITING_BAND_0 =
  'Awarded only when the candidate did not attend, wrote nothing, wrote in a language other than English, or produced an answer shown to be wholly memorised.';
const WRITING_BAND_1_LENGTH = 'A response of 20 words or fewer is rated at band 1.';

const taskAchievementAcademic: BandDescriptors = {
  '9': 'Every requirement of the task is fully and appropriately met, with an overview and key features presented precisely; lapses in content are extremely rare.',
  '8': 'All requirements are covered relevantly and sufficiently, and key features are skilfully selected, highlighted and illustrated with data; there may be occasional omissions or lapses.',
  '7': 'The requirements are covered and the content is relevant and accurate, with a clear overview and sensibly grouped data, though a few omissions or lapses occur.',
  '6': 'The response focuses on the requirements and attempts a relevant overview with adequately highlighted key features and supporting figures, but some details are missing, excessive, irrelevant or inaccurate.',
  '5': 'The task is generally addressed, but key features are not adequately covered and the recounting of detail is mechanical, often without data or a clear overview; some material in key areas is irrelevant or inaccurate.',
  '4': 'The response attempts the task but misses key features, and those it presents may be irrelevant, repetitive, inaccurate or unsupported; the format may be unsuitable.',
  '3': 'The response does not address the task, which may have been misunderstood, and offers only a few ideas that are largely irrelevant or repeated.',
  '2': 'The content is barely related to the task.',
  '1': `${WRITING_BAND_1_LENGTH} Otherwise the content is wholly unrelated to the task, and any words copied from the task are not counted.`,
  '0': WRITING_BAND_0,
};

const taskAchievementGeneralTraining: BandDescriptors = {
  '9': 'Every requirement of the task is fully and appropriately met, with the purpose and tone exactly right; lapses in content are extremely rare.',
  '8': 'All bullet points are clearly presented and well illustrated or extended, with a clear purpose and a consistently appropriate tone; there may be occasional omissions or lapses.',
  '7': 'All bullet points are covered and clearly highlighted, though they could be more fully illustrated; the purpose is clear and the tone is consistent and appropriate with few lapses.',
  '6': 'All bullet points are covered, though some more fully than others; the purpose is generally clear, but there may be inconsistencies in tone and some irrelevant or missing detail.',
  '5': 'All bullet points are presented, but one or more may be irrelevant, inaccurate or underdeveloped; the purpose may be unclear at times and the tone varies or is sometimes inappropriate.',
  '4': 'The letter attempts the task but does not cover every bullet point, and its purpose is not clearly explained; the tone or format may be inappropriate.',
  '3': 'The letter does not address the task, which may have been misunderstood, and offers only a few ideas that are largely irrelevant or repeated.',
  '2': 'The content is barely related to the task.',
  '1': `${WRITING_BAND_1_LENGTH} Otherwise the content is wholly unrelated to the task, and any words copied from the task are not counted.`,
  '0': WRITING_BAND_0,
};

const taskResponse: BandDescriptors = {
  '9': 'The prompt is explored in depth with a clear, fully developed position that answers the question directly; ideas are relevant, fully extended and well supported, with extremely rare lapses.',
  '8': 'The prompt is appropriately and sufficiently addressed with a clear, well-developed position; ideas are relevant, well extended and supported, with occasional omissions or lapses.',
  '7': 'The main parts of the prompt are addressed with a clear and developed position; main ideas are extended and supported, though there may be over-generalisation or a lack of focus in the support.',
  '6': 'The main parts of the prompt are addressed, some more fully than others, and a relevant position is presented, but conclusions may be unclear or repetitive and some ideas are insufficiently developed or supported.',
  '5': 'The main parts of the prompt are incompletely addressed; a position is expressed but not always clearly developed, and ideas are limited, underdeveloped, repetitive or mixed with irrelevant detail.',
  '4': 'The prompt is tackled minimally or tangentially, possibly through misunderstanding; a position can be found only with effort, and main ideas are hard to identify, lack support or are repeated.',
  '3': 'No part of the prompt is adequately addressed, or it has been misunderstood; no relevant position can be identified and the few ideas are irrelevant or undeveloped.',
  '2': 'The content is barely related to the prompt, no position can be identified, and there are at most glimpses of one or two undeveloped ideas.',
  '1': `${WRITING_BAND_1_LENGTH} Otherwise the content is wholly unrelated to the prompt, and any words copied from the task are not counted.`,
  '0': WRITING_BAND_0,
};

/** Coherence and cohesion; `paragraphing` differs by task (task 1 does not require paragraphs). */
function coherenceCohesion(paragraphing: { high: string; mid: string; low: string }): BandDescriptors {
  return {
    '9': `The message can be followed effortlessly, and cohesion is so well handled that it rarely draws attention to itself; ${paragraphing.high}.`,
    '8': 'The message is easy to follow, information and ideas are logically sequenced and cohesion is well managed, with only occasional lapses; paragraphing is sufficient and appropriate.',
    '7': 'Information and ideas are logically organised with clear progression throughout, and a range of cohesive devices, including reference and substitution, is used flexibly with some inaccuracies or some over- or under-use.',
    '6': `Information and ideas are arranged coherently with clear overall progression, but cohesion within or between sentences may be faulty or mechanical, and reference may cause repetition; ${paragraphing.mid}.`,
    '5': `Organisation is evident but not wholly logical, so the response may lack overall progression; linking is limited, overused or inaccurate, and inadequate referencing makes it repetitive; ${paragraphing.low}.`,
    '4': 'Information and ideas are present but not arranged coherently, with no clear progression, and the relationships between them are unclear or marked with basic, inaccurate or repetitive connectives; paragraphing may be missing.',
    '3': 'There is no apparent logical organisation: ideas can be identified but are hard to relate to each other, cohesive devices are minimal or misleading, and any paragraphing is unhelpful.',
    '2': 'There is little relevant message, or the response is off-topic, and there is little evidence of control of organisational features.',
    '1': `${WRITING_BAND_1_LENGTH} Otherwise the response communicates no message and shows no ability to organise ideas.`,
    '0': WRITING_BAND_0,
  };
}

const lexicalResourceWriting: BandDescriptors = {
  '9': 'A wide range of vocabulary is used accurately, precisely and flexibly, with natural and sophisticated control; slips in spelling or word formation are extremely rare and barely noticeable.',
  '8': 'A wide resource is used fluently and flexibly to convey precise meanings, including skilful use of less common and idiomatic items, with only occasional errors in word choice, collocation or spelling.',
  '7': 'The resource allows some flexibility and precision, with some less common items and awareness of style and collocation, although inappropriate choices and a few spelling or word-formation errors occur.',
  '6': 'The resource is generally adequate for the task and meaning is generally clear, but the range is rather restricted or imprecise; errors in spelling or word formation occur without impeding communication.',
  '5': 'The resource is limited but minimally adequate, so expression relies on simplification and repetition; inappropriate word choices are frequent and spelling or word-formation errors may cause the reader some difficulty.',
  '4': 'Vocabulary is basic, repetitive and limited for the task, possibly relying on memorised or copied phrases; errors in word choice, formation or spelling may impede meaning.',
  '3': 'The resource is inadequate, perhaps because the response is far too short, with heavy reliance on input or memorised language; errors predominate and may severely impede meaning.',
  '2': 'The resource is extremely limited, with few recognisable strings beyond memorised phrases and no apparent control of word formation or spelling.',
  '1': `${WRITING_BAND_1_LENGTH} Otherwise there is no resource beyond a few isolated words.`,
  '0': WRITING_BAND_0,
};

const grammaticalRangeWriting: BandDescriptors = {
  '9': 'A wide range of structures is used with full flexibility and control, and grammar and punctuation are appropriate throughout; minor errors are extremely rare.',
  '8': 'A wide range of structures is used flexibly and accurately, most sentences are error-free and punctuation is well managed, with only occasional non-systematic errors.',
  '7': 'A variety of complex structures is used with some flexibility and accuracy, and error-free sentences are frequent; a few grammatical errors persist without impeding communication.',
  '6': 'A mix of simple and complex sentences is used with limited flexibility; complex structures are less accurate than simple ones, and errors occur but rarely impede communication.',
  '5': 'The range of structures is limited and repetitive; complex sentences are attempted but tend to be faulty, and frequent errors and faulty punctuation may cause the reader some difficulty.',
  '4': 'The range is very limited, with simple sentences predominating and subordinate clauses rare; errors are frequent and may impede meaning, and punctuation is often faulty.',
  '3': 'Sentence forms are attempted, but grammatical and punctuation errors predominate outside memorised phrases and prevent most meaning from coming through.',
  '2': 'There is little or no evidence of sentence forms, except in memorised phrases.',
  '1': `${WRITING_BAND_1_LENGTH} Otherwise no rateable language is evident.`,
  '0': WRITING_BAND_0,
};

const SPEAKING_BAND_0 = 'Awarded when the candidate does not attend or produces no assessable English.';

const fluencyCoherence: BandDescriptors = {
  '9': 'Speaks fluently with only very occasional repetition or self-correction, hesitating only to think about content; topics are developed fully, coherently and appropriately.',
  '8': 'Speaks fluently with only occasional repetition or self-correction, and any search for words is rare; topics are developed coherently and relevantly.',
  '7': 'Produces long turns without noticeable effort, though some hesitation, repetition or self-correction shows a search for language; uses discourse markers and connectives flexibly without losing coherence.',
  '6': 'Is willing and able to produce long turns, but coherence may be lost at times through hesitation, repetition or self-correction; uses a range of connectives, not always appropriately.',
  '5': 'Usually keeps going but relies on repetition, self-correction or slow speech, often pausing mid-sentence to find basic words or grammar; overuses certain connectives, and complex speech causes disfluency.',
  '4': 'Cannot keep going without noticeable pauses, speaks slowly with frequent repetition and self-correction, and links simple sentences with repetitive connectives; coherence sometimes breaks down.',
  '3': 'Pauses frequently, sometimes at length, to search for words, rarely goes beyond simple responses, and is often unable to convey a basic message.',
  '2': 'Pauses at length before nearly every word, so that speech has virtually no communicative value.',
  '1': 'Produces essentially no rateable speech, and what there is cannot be followed.',
  '0': SPEAKING_BAND_0,
};

const lexicalResourceSpeaking: BandDescriptors = {
  '9': 'Uses vocabulary with full flexibility and precision on every topic, with sustained accurate and idiomatic language.',
  '8': 'Draws readily and flexibly on a wide resource to convey precise meaning on all topics, using less common and idiomatic items skilfully despite occasional slips, and paraphrases effectively.',
  '7': 'Uses vocabulary flexibly across a variety of topics, with some less common and idiomatic items and an awareness of style and collocation despite some inappropriate choices; paraphrases effectively.',
  '6': 'Has enough vocabulary to discuss topics at length and make meaning clear despite some inappropriate choices, and generally paraphrases successfully.',
  '5': 'Can talk about familiar and unfamiliar topics but with limited flexibility, and attempts to paraphrase with mixed success.',
  '4': 'Manages familiar topics but conveys only basic meaning on unfamiliar ones, with frequent errors in word choice and little attempt to paraphrase.',
  '3': 'Relies on simple vocabulary, mainly to give personal information, and lacks the words needed for less familiar topics.',
  '2': 'Speaks only in isolated words or memorised phrases, so little communication is possible without gesture.',
  '1': 'Shows no resource beyond a few isolated words, and no communication is possible.',
  '0': SPEAKING_BAND_0,
};

const grammaticalRangeSpeaking: BandDescriptors = {
  '9': 'Uses a full range of structures naturally and appropriately, precisely and accurately at all times apart from slips typical of native speakers.',
  '8': 'Uses a wide range of structures flexibly, and most sentences are error-free, with only occasional inappropriate or non-systematic errors.',
  '7': 'Uses a range of structures flexibly and produces frequent error-free sentences, combining simple and complex forms effectively despite a few persistent errors.',
  '6': 'Uses a mix of simple and complex structures with limited flexibility; errors are frequent in complex structures but rarely impede communication.',
  '5': 'Controls basic sentence forms reasonably well, but complex structures are limited and nearly always contain errors that may require reformulation.',
  '4': 'Produces basic sentence forms and some error-free short utterances, but subordinate clauses are rare, turns are short and repetitive, and errors are frequent.',
  '3': 'Attempts basic sentence forms but makes numerous errors, except in what seem to be memorised phrases.',
  '2': 'Shows no evidence of basic sentence forms.',
  '1': 'Produces no rateable language beyond memorised phrases.',
  '0': SPEAKING_BAND_0,
};

const pronunciation: BandDescriptors = {
  '9': 'Uses the full range of pronunciation features precisely and subtly, with flexible connected speech sustained throughout; is effortlessly understood, and accent has no effect on intelligibility.',
  '8': 'Uses a wide range of pronunciation features, sustaining appropriate rhythm, stress and intonation over long turns with only occasional lapses; is easily understood throughout.',
  '7': 'Shows all the positive features of band 6 and some, but not all, of those of band 8.',
  '6': 'Uses a range of pronunciation features with variable control, with generally appropriate chunking but stress, intonation and rhythm that are not sustained; mispronunciations cause only occasional unclarity.',
  '5': 'Shows all the positive features of band 4 and some, but not all, of those of band 6.',
  '4': 'Uses a limited range of features, with frequent lapses in rhythm and limited control of stress and intonation; frequent mispronunciations make understanding effortful, and some stretches cannot be understood.',
  '3': 'Shows some of the features of band 2 and some, but not all, of the positive features of band 4.',
  '2': 'Uses few acceptable pronunciation features, and most words and sounds are mispronounced, so speech is often unintelligible.',
  '1': 'Produces only occasional recognisable words or sounds and conveys no overall meaning.',
  '0': SPEAKING_BAND_0,
};

/** Builds a rubric for a type from its criteria (in core's order) and their descriptors. */
function rubric(assessmentType: AssessmentType, weight: number, descriptors: Partial<Record<CriterionId, BandDescriptors>>): Rubric {
  return {
    rubric_id: `rubric-${assessmentType}`,
    assessment_type: assessmentType,
    criteria: criteriaFor(assessmentType).map((criterion) => ({ criterion, name: CRITERION_NAMES[criterion], weight: 1 })),
    band_descriptors: descriptors,
    weight,
    version: RUBRIC_VERSION,
  };
}

const task1CoherenceCohesion = coherenceCohesion({
  high: 'any paragraphing is skilfully managed',
  mid: 'any paragraphing may not always be logical',
  low: 'any paragraphing may be inadequate',
});

const task2CoherenceCohesion = coherenceCohesion({
  high: 'paragraphing is skilfully managed',
  mid: 'paragraphing may not always be logical, or a paragraph’s central topic may be unclear',
  low: 'paragraphing may be inadequate or missing',
});

/**
 * Rubrics of the reference server: one per writing type and one for speaking, paraphrasing the
 * public band descriptors (May 2023 edition). Task 2 weighs twice task 1 within Writing.
 */
export const practiceRubricsByType = {
  writing_task1_academic: rubric('writing_task1_academic', 1, {
    task_achievement: taskAchievementAcademic,
    coherence_cohesion: task1CoherenceCohesion,
    lexical_resource: lexicalResourceWriting,
    grammatical_range_accuracy: grammaticalRangeWriting,
  }),
  writing_task1_general_training: rubric('writing_task1_general_training', 1, {
    task_achievement: taskAchievementGeneralTraining,
    coherence_cohesion: task1CoherenceCohesion,
    lexical_resource: lexicalResourceWriting,
    grammatical_range_accuracy: grammaticalRangeWriting,
  }),
  writing_task2: rubric('writing_task2', 2, {
    task_response: taskResponse,
    coherence_cohesion: task2CoherenceCohesion,
    lexical_resource: lexicalResourceWriting,
    grammatical_range_accuracy: grammaticalRangeWriting,
  }),
  speaking: rubric('speaking', 1, {
    fluency_coherence: fluencyCoherence,
    lexical_resource: lexicalResourceSpeaking,
    grammatical_range_accuracy: grammaticalRangeSpeaking,
    pronunciation,
  }),
} as const satisfies Record<string, Rubric>;
