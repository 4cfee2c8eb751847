import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let tagger: WinkMethods | undefined;

/** wink-nlp with its English model: loaded once per process, on first use (a few hundred milliseconds). */
function loadPartOfSpeechTagger(): WinkMethods {
  tagger ??= winkNLP(model);
  return tagger;
}

/** One token of a text with its universal part-of-speech tag (spaces left out). */
export interface TaggedToken {
  /** As written. */
  text: string;
  /** Lowercase. */
  lower: string;
  /** `NOUN`, `VERB`, `DET`, `PUNCT`, … */
  tag: string;
  /** Offset in the text. */
  start: number;
}

/** Tags every token of `text` once, for every rule that reads parts of speech. */
export function tagText(text: string): TaggedToken[] {
  const nlp = loadPartOfSpeechTagger();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out();
  const tags = doc.tokens().out(nlp.its.pos);
  const tokens: TaggedToken[] = [];
  let cursor = 0;
  values.forEach((value, index) => {
    const start = text.indexOf(value, cursor);
    if (start === -1) return;
    cursor = start + value.length;
    const tag = tags[index] ?? 'X';
    if (tag !== 'SPACE') tokens.push({ text: value, lower: value.toLowerCase(), tag, start });
  });
  return tokens;
}
