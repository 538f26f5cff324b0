// talisman ships no type declarations; these are the two functions the matching engine uses.
declare module 'talisman/phonetics/double-metaphone' {
  /** Lawrence Philips' Double Metaphone: [primary, alternate] codes of up to four characters. */
  export default function doubleMetaphone(word: string): [string, string];
}

declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro-Winkler similarity, 0 (nothing alike) to 1 (identical). */
  export default function jaroWinkler(a: string, b: string): number;
}

declare module 'talisman/metrics/damerau-levenshtein' {
  /** Edit distance counting insertion, deletion, substitution and transposition of adjacent letters. */
  export default function damerauLevenshtein(a: string, b: string): number;
}
