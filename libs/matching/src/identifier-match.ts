/**
 * Agency identifiers settle a match when both sides have one (DESIGN: police PNC id, health NHS number,
 * education Unique Pupil Number). Equal identifiers are the same person. Different identifiers are
 * strong evidence of a different person, but only when the request's identifier is well formed: an
 * NHS number that fails its check digit was mistyped and says nothing.
 */
export type IdentifierName = 'nhs-number' | 'upn' | 'pnc-id';

export interface IdentifierAgreement {
  identifier: IdentifierName;
  agreement: 'agrees' | 'differs';
}

export interface PersonIdentifiers {
  nhsNumber?: string | null;
  upn?: string | null;
  pncId?: string | null;
}

/** Ten digits, spaces and dashes dropped (NHS numbers are written 943 476 5919), or null. */
export function normaliseNhsNumber(value: string | null | undefined): string | null {
  const digits = (value ?? '').replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/** The NHS number's modulus 11 check digit (NHS Data Dictionary, "NHS Number"). */
export function isValidNhsNumber(value: string | null | undefined): boolean {
  const digits = normaliseNhsNumber(value);
  if (!digits) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(digits[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** A Unique Pupil Number: a letter, eleven digits and a letter or digit (DfE, Common Basic Data Set), or null. */
export function normaliseUpn(value: string | null | undefined): string | null {
  const upn = (value ?? '').replace(/\s/g, '').toUpperCase();
  return /^[A-Z]\d{11}[A-Z0-9]$/.test(upn) ? upn : null;
}

/**
 * A PNC id in one form: two-digit year, slash, seven-digit serial, check letter (`12/0034567X`). Forces
 * write it with a four-digit year and without leading zeros (`2012/34567X`); both are the same id.
 */
export function normalisePncId(value: string | null | undefined): string | null {
  const match = /^(\d{2}|\d{4})\/?(\d{1,7})([A-Z])$/.exec((value ?? '').replace(/\s/g, '').toUpperCase());
  if (!match) return null;
  return `${match[1].slice(-2)}/${match[2].padStart(7, '0')}${match[3]}`;
}

export function compareIdentifiers(
  subject: PersonIdentifiers,
  record: PersonIdentifiers,
): IdentifierAgreement[] {
  const out: IdentifierAgreement[] = [];
  const nhs = [normaliseNhsNumber(subject.nhsNumber), normaliseNhsNumber(record.nhsNumber)];
  if (nhs[0] && nhs[1]) {
    if (nhs[0] === nhs[1]) out.push({ identifier: 'nhs-number', agreement: 'agrees' });
    else if (isValidNhsNumber(nhs[0]) && isValidNhsNumber(nhs[1]))
      out.push({ identifier: 'nhs-number', agreement: 'differs' });
  }
  const upn = [normaliseUpn(subject.upn), normaliseUpn(record.upn)];
  if (upn[0] && upn[1]) out.push({ identifier: 'upn', agreement: upn[0] === upn[1] ? 'agrees' : 'differs' });
  const pnc = [normalisePncId(subject.pncId), normalisePncId(record.pncId)];
  if (pnc[0] && pnc[1])
    out.push({ identifier: 'pnc-id', agreement: pnc[0] === pnc[1] ? 'agrees' : 'differs' });
  return out;
}
