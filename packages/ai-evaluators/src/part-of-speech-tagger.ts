import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let tagger: WinkMethods | undefined;

/** wink-nlp with its English model: loaded once per process, on first use (a few hundred milliseconds). */
export function loadPartOfSpeechTagger(): WinkMethods {
  tagger ??= winkNLP(model);
  return tagger;
}
