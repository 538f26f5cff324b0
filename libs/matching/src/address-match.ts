import type { Address } from '@mash/contracts';

/**
 * Address agreement is supporting evidence only: families move, and a record's address is often out of
 * date, so a different address counts for nothing. The same postcode (about 15 households) counts; the
 * same first line as well counts more.
 */
export type AddressAgreement = 'same-address' | 'same-postcode' | 'different' | 'missing';

export function normalisePostcode(postcode: string | null | undefined): string | null {
  const compact = (postcode ?? '').replace(/\s/g, '').toUpperCase();
  return compact.length >= 5 ? compact : null;
}

function normaliseLine(line: string | null | undefined): string {
  return (line ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function compareAddresses(
  a: Address | null | undefined,
  b: Address | null | undefined,
): AddressAgreement {
  const left = normalisePostcode(a?.postcode);
  const right = normalisePostcode(b?.postcode);
  if (!left || !right) return 'missing';
  if (left !== right) return 'different';
  const lineA = normaliseLine(a?.line1);
  return lineA && lineA === normaliseLine(b?.line1) ? 'same-address' : 'same-postcode';
}
