import type { DecisionRecorded } from '@mash/contracts';
import { childrenWords, closingParagraph, letterDate, listOfNames, OUTCOME_WORDING } from './outcome-letter';

export interface OutcomeEmail {
  subject: string;
  text: string;
  /** The attached letter's file name. */
  attachmentName: string;
}

export function letterFileName(reference: string): string {
  return `outcome-${reference.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
}

/**
 * The email that carries the outcome letter: a short version of it. Email travels less safely than
 * the attachment is kept, so it names the children by first name only and leaves the decision maker's
 * feedback to the letter; the attached PDF has the details.
 */
export function outcomeEmail(decision: DecisionRecorded, hubName: string): OutcomeEmail {
  const { reference, outcome, decidedAt } = decision;
  const firstNames = decision.children.map((child) => child.givenName);
  const words = childrenWords(firstNames.length);
  const wording = OUTCOME_WORDING[outcome];
  const attachmentName = letterFileName(reference);
  const text = [
    `Dear ${decision.referrer.name},`,
    '',
    `Thank you for contacting the ${hubName} about ${listOfNames(firstNames)} (reference ${reference}). ` +
      `A decision was made on ${letterDate(decidedAt)}.`,
    '',
    wording.decision(words),
    '',
    wording.next(words),
    '',
    `The attached letter (${attachmentName}) gives the details, including any feedback from the decision maker.`,
    '',
    closingParagraph(hubName, reference, words),
    '',
    hubName,
    '',
  ].join('\n');
  return { subject: `Outcome of your contact: reference ${reference}`, text, attachmentName };
}

export function summaryFileName(reference: string): string {
  return `consultation-${reference.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
}

/** The email that carries a consultation's summary (Bexley 5 and 6); the advice itself is in the attachment. */
export function consultationEmail(decision: DecisionRecorded, hubName: string): OutcomeEmail {
  const attachmentName = summaryFileName(decision.reference);
  const text = [
    `Dear ${decision.referrer.name},`,
    '',
    `Thank you for asking the ${hubName} for advice (reference ${decision.reference}). ` +
      `The attached letter (${attachmentName}) is the summary of the advice given, as recorded in the MASH.`,
    '',
    'If a child is in immediate danger, call the police on 999.',
    '',
    hubName,
    '',
  ].join('\n');
  return { subject: `Summary of your consultation: reference ${decision.reference}`, text, attachmentName };
}
