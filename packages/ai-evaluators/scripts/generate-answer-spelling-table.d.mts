// Types of generate-answer-spelling-table.mjs, for the test that checks the committed table.
export declare const MAXIMUM_LEVEL: number;
export declare const DENIED_BRITISH_WORDS: string[];
export declare const IRREGULAR_PAIRS: Array<[string, string]>;
export declare function buildSpellingTable(wordlist: Record<string, string[]>): { symmetric: string[]; britishKeyOnly: string[] };
export declare function loadWordlist(): Record<string, string[]>;
