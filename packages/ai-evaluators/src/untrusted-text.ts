/**
 * Handling of text a learner wrote before it goes near a model: normalisation, a per-request
 * random delimiter, and detection of sentences that try to steer the scorer.
 */

/** The invisible and control characters normalisation removed, by kind. */
export interface RemovedCharacters {
  /** Zero-width characters (U+200B–U+200D, U+2060, U+FEFF, U+180E, U+034F, U+00AD). */
  zeroWidth: number;
  /** Bidirectional controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069). */
  bidiControl: number;
  /** Unicode tag characters (U+E0000–U+E007F), which can carry invisible text. */
  tag: number;
  /** Other control and private-use characters (line breaks and tabs are kept). */
  control: number;
}

/** Normalised text: what {@link screenUntrustedText} starts from. */
export interface NormalisedText {
  /** NFKC text without invisible or control characters, line endings as `\n`. */
  text: string;
  /** How many characters of each kind were removed. */
  removed: RemovedCharacters;
  /** ASCII text that tag characters spelled out (invisible to a reader); empty when none. */
  hiddenText: string;
}

// biome-ignore lint/suspicious/noMisleadingCharacterClass: each invisible character is matched alone, the combining grapheme joiner (U+034F) included
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E\u034F\u00AD]/gu;
const BIDI_CONTROL = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;
const TAG = /[\u{E0000}-\u{E007F}]/gu;
// C0/C1 controls except tab and line feed, the remaining format characters, private use, noncharacters.
const CONTROL =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2061-\u2064\u206A-\u206F\uFFF9-\uFFFB\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}\uFFFE\uFFFF]/gu;

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Options of the normalisation {@link screenUntrustedText} applies. */
export interface NormaliseUntrustedTextOptions {
  /**
   * Apply NFKC, which turns full-width and compatibility forms into plain letters. Default true.
   * The offline scorer turns it off so that its features stay those it was calibrated on
   * (injection detection folds compatibility forms itself).
   */
  compatibility?: boolean;
}

/**
 * Normalises untrusted text: NFKC (full-width and compatibility forms become plain letters),
 * `\r\n` and `\r` become `\n`, and zero-width, bidi-control, tag, control and private-use
 * characters are removed. Text spelled in tag characters is decoded into `hiddenText` so that
 * it can be checked for injection, then dropped.
 */
export function normaliseUntrustedText(input: string, options: NormaliseUntrustedTextOptions = {}): NormalisedText {
  const hiddenText = Array.from(input.matchAll(TAG), (match) => {
    const code = (match[0].codePointAt(0) ?? 0) - 0xe0000;
    return code >= 0x20 && code <= 0x7e ? String.fromCharCode(code) : '';
  }).join('');
  const lineEndings = input.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029\u0085]/g, '\n');
  const removed: RemovedCharacters = {
    zeroWidth: countMatches(lineEndings, ZERO_WIDTH),
    bidiControl: countMatches(lineEndings, BIDI_CONTROL),
    tag: countMatches(lineEndings, TAG),
    control: 0,
  };
  let text = lineEndings.replace(ZERO_WIDTH, '').replace(BIDI_CONTROL, '').replace(TAG, '');
  removed.control = countMatches(text, CONTROL);
  text = text.replace(CONTROL, '');
  if (options.compatibility ?? true) {
    // NFKC can itself produce characters of these kinds from compatibility forms: remove them again.
    text = text.normalize('NFKC').replace(ZERO_WIDTH, '').replace(BIDI_CONTROL, '').replace(CONTROL, '');
  }
  return { text, removed, hiddenText };
}

/** Total characters removed. */
export function countRemovedCharacters(removed: RemovedCharacters): number {
  return removed.zeroWidth + removed.bidiControl + removed.tag + removed.control;
}

/** The opening and closing lines that fence untrusted text in a prompt. */
export interface Delimiter {
  /** The random part, shared by both lines. */
  id: string;
  open: string;
  close: string;
}

/** A delimiter with the given random id (16 lowercase hex digits are made by {@link createDelimiter}). */
export function delimiterFor(id: string): Delimiter {
  return { id, open: `<<ESSAY ${id}>>`, close: `<<END ESSAY ${id}>>` };
}

/**
 * A fresh delimiter with 64 random bits (Web Crypto), different for every request so that
 * text cannot close the fence it sits in. Retries if `text` happens to contain the id.
 */
export function createDelimiter(text = '', randomBytes: (length: number) => Uint8Array = secureRandomBytes): Delimiter {
  for (;;) {
    const id = Array.from(randomBytes(8), (byte) => byte.toString(16).padStart(2, '0')).join('');
    if (!text.includes(id)) return delimiterFor(id);
  }
}

function secureRandomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** Untrusted text between the delimiter's lines. */
export function wrapUntrustedText(text: string, delimiter: Delimiter): string {
  return `${delimiter.open}\n${text}\n${delimiter.close}`;
}

/** A span of text: `text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The sentences of a text as spans: a sentence ends at `.`, `!` or `?` (with any closing
 * quotes or brackets) followed by white space, or at a line break. Spans exclude the
 * surrounding white space.
 */
export function splitSentenceSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const pattern = /[^\s][^\n]*?(?:[.!?]+["'\u2019\u201D)\]]*(?=\s|$)|(?=\n)|$)/g;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** One sentence that tries to instruct or steer the scorer. */
export interface InjectionFinding extends TextSpan {
  /** The sentence, as written. */
  sentence: string;
  /** Which rule matched (for the safety log). */
  rule: string;
}

// Look-alike letters from other scripts, folded to Latin for detection only.
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};
// Digits that stand for letters inside words ("1gn0re"); 9 stays a digit because it is the band asked for.
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/** Lowercase, accents stripped, look-alikes folded; punctuation kept for the word view. */
function foldForDetection(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/./gu, (character) => CONFUSABLES[character] ?? character);
}

/** Words separated by single spaces: punctuation and symbols become spaces. */
function wordView(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Letters and digits only, leetspeak folded: catches "i g n o r e" and "1gn0re". */
function compactView(folded: string): string {
  return folded.replace(/[0-9@$!|]/g, (character) => LEET[character] ?? character).replace(/[^\p{L}\p{N}]+/gu, '');
}

// Words for whoever scores the essay. Deliberately not "model", "system" or "bot", which essays use.
const SCORER =
  '(?:examiner|marker|grader|scorer|evaluator|assessor|rater|ai|a i|artificial intelligence|assistant|chatbot|chatgpt|gpt|claude|gemini|nova|llm|language model|large language model)';
// Only words that point at the scorer's own instructions: "ignore the rules" alone is ordinary English.
const INSTRUCTION_QUALIFIER =
  '(?:previous|prior|above|earlier|preceding|former|original|initial|system|scoring|marking|grading|assessment|examiner s|your)';
const INSTRUCTION_NOUN =
  '(?:instructions?|prompts?|rules?|directions?|guidelines?|commands?|rubrics?|descriptors?|band descriptors|criteria|context)';
const SELF =
  '(?:me|this|it|this essay|this answer|this response|this text|this writing|this script|my essay|my answer|my writing|the essay|the writer|the author|the candidate|this candidate|the student)';
// An IELTS band 9: an essay has no reason to ask for it.
const BAND_NINE = '(?:band (?:score )?(?:of )?(?:9|nine)(?: 0)?|(?:9|nine)(?: 0)? band|(?:9|nine)(?: 0)? (?:out of|of) (?:9|nine))';
// A top mark in general words: only suspicious when asked for this essay.
const TOP_MARK =
  '(?:full marks?|top (?:band|score|marks?|grade)|(?:the )?highest (?:possible )?(?:band|score|marks?|grade)|(?:the )?maximum (?:band|score|marks?|grade)|(?:a )?perfect (?:band|score|marks?|grade)|an? (?:9|nine))';
const ASK =
  '(?:award|give|assign|grant|score|mark|rate|grade|output|return|set|put|enter|report|deserves?|deserving|should (?:get|receive|be given|be awarded|score)|must (?:get|receive|be given|be awarded|score))';

/** Rules matched against each sentence's word view (lowercase words separated by single spaces). */
const WORD_RULES: ReadonlyArray<{ rule: string; pattern: RegExp }> = [
  {
    rule: 'override_instructions',
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget|override|bypass|stop following)(?: (?:all|any|of|the|every|these|those))* ${INSTRUCTION_QUALIFIER}(?: \\w+)? ${INSTRUCTION_NOUN}\\b`,
    ),
  },
  {
    rule: 'override_instructions',
    pattern: /\b(?:ignore|disregard|forget|override|bypass)(?: (?:all|any|the|your))* (?:prompt|system prompt|rubric|band descriptors)\b/,
  },
  {
    rule: 'new_instructions',
    pattern: new RegExp(
      `\\b(?:new|updated|real|actual|hidden|secret) (?:instructions?|prompts?|commands?) (?:for|to) (?:the |you |my )?${SCORER}\\b`,
    ),
  },
  { rule: 'new_instructions', pattern: /\b(?:your|the) (?:new|real|actual|only) (?:task|job|instructions?|role) (?:is|are) (?:to|now)\b/ },
  { rule: 'demand_score', pattern: new RegExp(`\\b${ASK}\\b(?: \\w+){0,6} ${BAND_NINE}\\b`) },
  { rule: 'demand_score', pattern: new RegExp(`\\b${ASK} ${SELF}(?: \\w+){0,3} ${TOP_MARK}\\b`) },
  {
    rule: 'demand_score',
    pattern: new RegExp(
      `\\b(?:this|my) (?:essay|answer|response|writing|text|script) (?:deserves?|should (?:get|receive|be given|be awarded|score)|must (?:get|receive|be given|be awarded|score))(?: \\w+){0,2} ${TOP_MARK}\\b`,
    ),
  },
  {
    rule: 'demand_score',
    pattern: new RegExp(
      `\\b(?:${BAND_NINE}|${TOP_MARK}) (?:please|pls|plz|is required|is deserved|for this (?:essay|answer|text|response))\\b`,
    ),
  },
  {
    rule: 'demand_score',
    pattern:
      /\b(?:set|change|raise|increase|output|return|report)\b(?: \w+){0,3} (?:all )?(?:the |my |every )?(?:scores?|bands?|criteria|criterion|overall band|overall score)\b(?: \w+){0,3} (?:to|as|at) (?:9|nine|the maximum|maximum|the highest|highest|full)\b/,
  },
  {
    rule: 'address_scorer',
    pattern: new RegExp(
      `^(?:dear|hello|hi|hey|attention|note to|message (?:for|to)|a note for) (?:the |any |all |my |dear )?(?:ielts )?${SCORER}s?\\b`,
    ),
  },
  {
    rule: 'address_scorer',
    pattern: new RegExp(
      `\\b(?:as|since you are|because you are) an? ${SCORER} you (?:must|should|will|need to|have to|are (?:required|instructed|asked|told))\\b`,
    ),
  },
  {
    rule: 'role_play',
    pattern: new RegExp(
      `\\b(?:you are now|act as|pretend to be|pretend you are|roleplay as|role play as|you will now act as) (?:an? |the |my )?(?:${SCORER}|dan|unrestricted|jailbroken|in (?:developer|debug|god) mode)\\b`,
    ),
  },
  {
    rule: 'role_play',
    pattern:
      /\b(?:from now on,? you (?:will|must|shall) (?:act|respond|score|award|grade|ignore|only)|(?:enter|enable|activate) (?:developer|debug|god) mode|do anything now)\b/,
  },
  {
    rule: 'system_prompt',
    pattern: /\b(?:system prompt|system instructions?|hidden prompt|initial prompt|reveal (?:your|the) (?:prompt|instructions))\b/,
  },
  {
    rule: 'fence_escape',
    pattern:
      /^(?:the )?(?:end of (?:the )?(?:essay|text|input|user input|answer|submission|candidate s text)|essay ends here|begin (?:system|new) (?:prompt|instructions?))\b/,
  },
  { rule: 'tool_output', pattern: /\b(?:record assessment|essay instructions)\b/ },
];

/** Rules matched against each sentence's compact view (letters and digits run together, leetspeak folded). */
const COMPACT_RULES: ReadonlyArray<{ rule: string; pattern: RegExp }> = [
  {
    rule: 'override_instructions',
    pattern:
      /(?:ignore|disregard|forget|override|bypass)(?:all|any|of|the|every|these|those)*(?:previous|prior|above|earlier|preceding|original|system|your)(?:instructions?|prompts?|rules?|directions?|guidelines?)/,
  },
  {
    rule: 'demand_score',
    pattern:
      /(?:award|give|assign|grant|deserves?)(?:me|this|my|essay|answer|text|it|a|an|the|score|of|with|writer)*band(?:score)?(?:of)?(?:9|nine)/,
  },
  { rule: 'role_play', pattern: /(?:developermode|doanythingnow)/ },
  { rule: 'system_prompt', pattern: /(?:systemprompt|systeminstructions?)/ },
];

// Chat-template, markup and fence markers that no essay needs.
const MARKUP_RULES: ReadonlyArray<{ rule: string; pattern: RegExp }> = [
  {
    rule: 'markup',
    pattern:
      /<\|[a-z_]+\|>|\[\/?(?:inst|sys|system)\]|<<\/?(?:sys|system)>>|<\/?(?:system|assistant|user|instructions?|essay|prompt|tool_call|tool_result)\b[^>]*>/i,
  },
  { rule: 'markup', pattern: /<<\s*(?:end\s+)?essay\b|\b(?:end\s+)?essay\s+[0-9a-f]{6,}\s*>>/i },
  { rule: 'role_marker', pattern: /^\s*(?:#{1,6}\s*)?(?:system|assistant|developer|user|human|ai)\s*:/i },
  {
    rule: 'json_payload',
    pattern:
      /\{\s*"(?:criteria|band|bands|overall_band|task_response|task_achievement|coherence_cohesion|lexical_resource|grammatical_range_accuracy|score|scores)"\s*:/i,
  },
];

/** The first rule that matches a piece of text, or undefined. */
export function matchInjectionRule(sentence: string): string | undefined {
  for (const { rule, pattern } of MARKUP_RULES) if (pattern.test(sentence)) return rule;
  const folded = foldForDetection(sentence);
  const words = wordView(folded);
  for (const { rule, pattern } of WORD_RULES) if (pattern.test(words)) return rule;
  const compact = compactView(folded);
  for (const { rule, pattern } of COMPACT_RULES) if (pattern.test(compact)) return rule;
  return undefined;
}

/**
 * Finds the sentences of `text` that try to instruct the scorer: to ignore its instructions,
 * award a band, play a role, reveal its prompt, close the delimiter or pass itself off as tool
 * output. Matching runs on a folded copy (lowercase, accents stripped, Cyrillic and Greek
 * look-alikes mapped to Latin), on its words and on its letters run together with leetspeak
 * folded, so spacing, punctuation and look-alike tricks do not hide a phrase.
 */
export function detectPromptInjection(text: string): InjectionFinding[] {
  const findings: InjectionFinding[] = [];
  for (const span of splitSentenceSpans(text)) {
    const sentence = text.slice(span.start, span.end);
    const rule = matchInjectionRule(sentence);
    if (rule !== undefined) findings.push({ ...span, sentence, rule });
  }
  return findings;
}

/**
 * The text without the given spans. Spaces left doubled are collapsed, lines left empty inside
 * a paragraph are dropped, and paragraph breaks are kept.
 */
export function removeSpans(text: string, spans: readonly TextSpan[]): string {
  const ordered = [...spans].sort((left, right) => left.start - right.start);
  let result = '';
  let position = 0;
  for (const span of ordered) {
    if (span.start < position) {
      position = Math.max(position, span.end);
      continue;
    }
    result += text.slice(position, span.start);
    position = span.end;
  }
  result += text.slice(position);
  return result
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** What {@link screenUntrustedText} made of a text. */
export interface ScreenedText extends NormalisedText {
  /** The normalised text without the sentences that try to steer the scorer: what may be scored. */
  text: string;
  /** The sentences removed, found in the normalised text. */
  injections: InjectionFinding[];
  /** The rule that matched the text hidden in tag characters; undefined when none did. */
  hiddenRule: string | undefined;
  /** One line per finding, for the AI safety log: `rule: sentence`. */
  evidence: string[];
  /** True when any sentence, visible or hidden, tried to steer the scorer. */
  injected: boolean;
}

/**
 * The screening every evaluator applies to a learner's text before scoring it: normalises it
 * (NFKC, line endings, invisible and control characters removed), finds the sentences that try
 * to steer the scorer, also in text hidden in tag characters, and removes them, so
 * that an answer asking for a band is scored exactly as the same answer without the request.
 * The text is unchanged (beyond normalisation) when nothing is found.
 */
export function screenUntrustedText(input: string, options: NormaliseUntrustedTextOptions = {}): ScreenedText {
  const normalised = normaliseUntrustedText(input, options);
  const injections = detectPromptInjection(normalised.text);
  const hidden = normalised.hiddenText;
  const hiddenRule = hidden ? (detectPromptInjection(hidden)[0]?.rule ?? matchInjectionRule(hidden)) : undefined;
  const evidence = [
    ...injections.map((finding) => `${finding.rule}: ${finding.sentence}`),
    ...(hiddenRule ? [`${hiddenRule} (hidden in tag characters): ${hidden}`] : []),
  ];
  return {
    ...normalised,
    text: injections.length > 0 ? removeSpans(normalised.text, injections) : normalised.text,
    injections,
    hiddenRule,
    evidence,
    injected: evidence.length > 0,
  };
}
