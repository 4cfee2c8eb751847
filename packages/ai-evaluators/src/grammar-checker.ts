import type { GrammarCheckCounts } from './text-features.js';
import type { LocalLinter } from 'harper.js';
import type { InlineCorrection } from '@ielts-genai-prep/core';
import { findLearnerErrors } from './learner-grammar-rules.js';
import { loadEnglishLexicon, type Lexicon } from './spelling-lexicon.js';
import { defaultSpellingVariants } from './spelling-variants.js';

/** One error a grammar check found, with the correction to show. */
export interface GrammarFinding extends InlineCorrection {
  /** Offset of the quote in the text. */
  start: number;
  /** Harper's rule (`SpellCheck`, `SimplePastToPastParticiple`, …) or one of ours (`agreement`, `modal_to`, `countable_noun`). */
  rule: string;
  /** Who found it: Harper, or the part-of-speech rules for the learner errors Harper misses. */
  source: 'harper' | 'rules';
}

/** Checks grammar and spelling offline: Harper (WebAssembly) plus part-of-speech rules. */
export interface GrammarChecker {
  /** Compiles Harper's WebAssembly and loads its dictionary (several seconds): call it when the process starts. */
  setup(): Promise<void>;
  /** The findings in `text`, in text order, overlapping findings removed (the first kept). */
  check(text: string): Promise<GrammarFinding[]>;
}

/**
 * Harper's findings by kind, the grammar checker's model features (the part-of-speech rules'
 * findings are counted apart, as `learner_error_rate`).
 */
export function countGrammarFindings(findings: readonly GrammarFinding[]): GrammarCheckCounts {
  const harper = findings.filter((finding) => finding.source === 'harper');
  const spelling = harper.filter((finding) => finding.category === 'spelling').length;
  return { spelling, grammar: harper.length - spelling };
}

/** Options of {@link createGrammarChecker}. */
export interface GrammarCheckerOptions {
  /** The spelling Harper accepts. Default `british` (IELTS accepts either, consistently used). */
  dialect?: 'british' | 'american';
}

// Harper rules that were wrong on calibration essays we checked by hand ("went there" → "their",
// "untill" → "distill", "belive" → "be live", "many 24 year olds"), or that judge style IELTS
// does not mark (sentence length, Oxford commas, en dashes in ranges, "and also", place names).
const DISABLED_HARPER_RULES = [
  'ThereToTheir',
  'QuantifierNumeralConflict',
  'WrongNegative',
  'SplitWords',
  'LongSentences',
  'OxfordComma',
  'DiscourseMarkers',
  'NumericRangeEnDash',
  'AvoidAndAlso',
  'UpdatePlaceNames',
  'HaveTakeALook',
  'CondenseAllThe',
  'WellBeing',
  'DisjointPrefixes',
  'OrthographicConsistency',
  'Regionalisms',
  'MergeWords',
  'OnFloor',
  'NounVerbConfusion',
  'LitotesDirectPositive',
  'ThisTypeOfThing',
  'MultipleSequentialPronouns',
  'MissingPreposition',
  'ToTwoToo',
];

// A capitalised word inside a sentence is usually a name ("Messi", "Legoland"), which the
// dictionary does not know; an American spelling is accepted by IELTS when used consistently.
// Words of two letters or fewer are abbreviations ("$25mn"), a suggestion that only adds an
// apostrophe ("informations" → "information's") misreads a wrong plural, and a word SCOWL knows
// is not a misspelling, whatever Harper's smaller dictionary says ("fulfilling").
function isSpellingFalseAlarm(text: string, start: number, quote: string, suggestion: string, lexicon: Lexicon): boolean {
  if (/^\p{Lu}/u.test(quote) && !isSentenceStart(text, start)) return true;
  if (lexicon.levelOf(quote.toLowerCase()) !== undefined) return true;
  if (quote.length <= 2 || suggestion.includes("'")) return true;
  return suggestion !== '' && defaultSpellingVariants().accepts(quote.toLowerCase(), suggestion.toLowerCase());
}

function isSentenceStart(text: string, start: number): boolean {
  return /(^|[.!?]\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start));
}

// "team A and C": a capital letter used as a label, not the article.
function isLetterLabel(text: string, start: number, rule: string, quote: string): boolean {
  return rule === 'AnA' && quote === 'A' && !isSentenceStart(text, start);
}

/** Creates the offline grammar checker. Nothing is loaded until `setup` or the first `check`. */
export function createGrammarChecker(options: GrammarCheckerOptions = {}): GrammarChecker {
  let ready: Promise<LocalLinter> | undefined;
  let lexicon: Lexicon = { levelOf: () => undefined, size: 0 };
  const linter = () => {
    ready ??= (async () => {
      lexicon = await loadEnglishLexicon();
      // harper.js is ESM only: imported when first needed, so the CommonJS build loads it too
      // (and nobody who never checks grammar pays for its WebAssembly).
      const [{ Dialect, LocalLinter: Linter }, { binaryInlined }] = await Promise.all([
        import('harper.js'),
        import('harper.js/binaryInlined'),
      ]);
      const created = new Linter({ binary: binaryInlined, dialect: options.dialect === 'american' ? Dialect.American : Dialect.British });
      await created.setup();
      const config = await created.getLintConfig();
      for (const rule of DISABLED_HARPER_RULES) if (rule in config) config[rule] = false;
      await created.setLintConfig(config);
      return created;
    })();
    return ready;
  };
  return {
    async setup() {
      await linter();
    },
    async check(text) {
      const organized = await (await linter()).organizedLints(text);
      const findings: GrammarFinding[] = [];
      for (const [rule, lints] of Object.entries(organized)) {
        for (const lint of lints) {
          const quote = lint.get_problem_text();
          const suggestion = lint.suggestions()[0]?.get_replacement_text() ?? '';
          const start = text.indexOf(quote, Math.max(0, lint.span().start - 8));
          if (quote.trim().length === 0 || start === -1) continue;
          if (rule === 'SpellCheck' && isSpellingFalseAlarm(text, start, quote, suggestion, lexicon)) continue;
          if (isLetterLabel(text, start, rule, quote)) continue;
          findings.push({
            quote: quote.slice(0, 500),
            suggestion: suggestion.slice(0, 500),
            category: lint.lint_kind() === 'Spelling' ? 'spelling' : 'grammar',
            explanation: lint.message().slice(0, 1000),
            start,
            rule,
            source: 'harper',
          });
        }
      }
      for (const error of findLearnerErrors(text)) {
        findings.push({
          quote: error.quote,
          suggestion: error.suggestion,
          category: 'grammar',
          explanation: error.explanation,
          start: error.start,
          rule: error.kind,
          source: 'rules',
        });
      }
      findings.sort((left, right) => left.start - right.start);
      const kept: GrammarFinding[] = [];
      for (const finding of findings) {
        const last = kept.at(-1);
        if (last !== undefined && finding.start < last.start + last.quote.length) continue;
        kept.push(finding);
      }
      return kept;
    },
  };
}
