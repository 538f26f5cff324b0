import doubleMetaphone from 'talisman/phonetics/double-metaphone';
import { memoised } from './memo';

/**
 * What a name part sounds like, as Double Metaphone codes (Lawrence Philips, 2000): the primary code
 * and, where the spelling could be said another way (Schmidt: XMT or SMT), the alternate. Two parts
 * "sound alike" when they share a code. Double Metaphone handles English and many Germanic, Slavic,
 * Romance and anglicised names; it is computed in one place (here) for stored keys and for scoring.
 */
export function phoneticCodes(part: string): string[] {
  return part ? codesOf(part) : [];
}

const codesOf = memoised((part: string): string[] => {
  const [primary, alternate] = doubleMetaphone(part);
  const codes = new Set<string>();
  if (primary) codes.add(primary);
  if (alternate) codes.add(alternate);
  return [...codes];
});

export function soundAlike(a: string, b: string): boolean {
  const codes = phoneticCodes(a);
  return phoneticCodes(b).some((code) => codes.includes(code));
}
