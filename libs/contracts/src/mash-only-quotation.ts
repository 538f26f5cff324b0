/**
 * DESIGN.md, Sensitive information: mash-only items "never leave the hub: not in letters, emails ...".
 * The feedback a decision maker writes for the referrer leaves the hub in the outcome letter, so before
 * it is accepted it is compared with the text of every mash-only item of the record. A feedback quotes
 * an item when it contains, ignoring case, punctuation and spacing:
 *  - the whole summary (as whole words: a two-letter summary does not match inside another word),
 *  - one of the summary's distinctive sentences (at least DISTINCTIVE_SENTENCE_MIN_WORDS words), or
 *  - any QUOTED_RUN_WORDS consecutive words of it, which catches a long sentence quoted in part;
 *  - a passage of at least DISTINCTIVE_SENTENCE_MIN_CHARS letters with the spaces taken out, which
 *    catches "c o u n t y  l i n e s" and words run together.
 * Paraphrase cannot be caught by text comparison; it stays the decision maker's responsibility.
 */
export const DISTINCTIVE_SENTENCE_MIN_WORDS = 4;
export const DISTINCTIVE_SENTENCE_MIN_CHARS = 20;
export const QUOTED_RUN_WORDS = 8;

/**
 * Letters of other scripts that look like Latin ones, as a quoter would use them to slip past a text
 * comparison (a small, fixed subset of Unicode's confusables: Cyrillic and Greek lower case).
 */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
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
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
};

/**
 * Lower case, letters and digits only, single spaces: "Known to  Police!" -> "known to police".
 * Invisible format characters (soft hyphen, zero-width space and joiner) are dropped, not spaced, so
 * "coun\u00ADty" is "county"; accents are dropped and look-alike letters read as the Latin ones.
 */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{Cf}\p{M}]+/gu, '')
    .toLowerCase()
    .replace(/./gu, (letter) => LOOK_ALIKES[letter] ?? letter)
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function containsWords(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}

/** The passages of one summary that must not appear in text leaving the hub. */
export function distinctivePassages(summary: string): string[] {
  const passages = new Set<string>();
  const whole = normaliseForComparison(summary);
  if (whole) passages.add(whole);
  for (const sentence of summary.split(/[.!?;:\n\r]+/)) {
    const normalised = normaliseForComparison(sentence);
    const words = normalised ? normalised.split(' ').length : 0;
    if (words >= DISTINCTIVE_SENTENCE_MIN_WORDS && normalised.length >= DISTINCTIVE_SENTENCE_MIN_CHARS) {
      passages.add(normalised);
    }
  }
  const words = whole ? whole.split(' ') : [];
  for (let start = 0; start + QUOTED_RUN_WORDS <= words.length; start++) {
    passages.add(words.slice(start, start + QUOTED_RUN_WORDS).join(' '));
  }
  return [...passages];
}

/** True when the text quotes any of the mash-only summaries (see above for what counts as quoting). */
export function quotesMashOnlyItem(text: string, mashOnlySummaries: readonly string[]): boolean {
  const haystack = normaliseForComparison(text);
  if (!haystack) return false;
  const unspaced = haystack.replace(/ /g, '');
  return mashOnlySummaries.some((summary) =>
    distinctivePassages(summary).some((passage) => {
      if (containsWords(haystack, passage)) return true;
      const letters = passage.replace(/ /g, '');
      return letters.length >= DISTINCTIVE_SENTENCE_MIN_CHARS && unspaced.includes(letters);
    }),
  );
}
