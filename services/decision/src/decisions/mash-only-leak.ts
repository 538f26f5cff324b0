/**
 * DESIGN.md, Sensitive information: mash-only items "never leave the hub: not in letters, emails ...".
 * The feedback a decision maker writes for the referrer leaves the hub in the outcome letter, so before
 * it is accepted it is compared with the text of every mash-only item of the record. A feedback quotes
 * an item when it contains, ignoring case, punctuation and spacing:
 *  - the whole summary (as whole words: a two-letter summary does not match inside another word),
 *  - one of the summary's distinctive sentences (at least DISTINCTIVE_SENTENCE_MIN_WORDS words), or
 *  - any QUOTED_RUN_WORDS consecutive words of it, which catches a long sentence quoted in part.
 * Paraphrase cannot be caught by text comparison; it stays the decision maker's responsibility.
 */
export const DISTINCTIVE_SENTENCE_MIN_WORDS = 4;
export const DISTINCTIVE_SENTENCE_MIN_CHARS = 20;
export const QUOTED_RUN_WORDS = 8;

/** Lower case, letters and digits only, single spaces: "Known to  Police!" -> "known to police". */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
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
  return mashOnlySummaries.some((summary) =>
    distinctivePassages(summary).some((passage) => containsWords(haystack, passage)),
  );
}
