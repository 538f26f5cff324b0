import type { DecisionRecorded, Outcome } from '@mash/contracts';

/** A heading and its paragraphs; the PDF and the plain text are both drawn from these. */
export interface LetterSection {
  heading?: string;
  paragraphs: string[];
}

/** The referrer's outcome letter, as words; `letter-pdf.ts` lays it out. */
export interface OutcomeLetter {
  hubName: string;
  reference: string;
  /** The letter is dated the day the decision was made, so re-rendering it gives the same letter. */
  dated: string;
  addressee: string[];
  title: string;
  salutation: string;
  sections: LetterSection[];
  signOff: string[];
}

/** How the fixed sentences refer to the children, so one sentence reads right for one child or several. */
export interface ChildrenWords {
  the: string;
  The: string;
  thePossessive: string;
  isAre: string;
  wasWere: string;
  hasHave: string;
}

export function childrenWords(count: number): ChildrenWords {
  return count === 1
    ? {
        the: 'the child',
        The: 'The child',
        thePossessive: "the child's",
        isAre: 'is',
        wasWere: 'was',
        hasHave: 'has',
      }
    : {
        the: 'the children',
        The: 'The children',
        thePossessive: "the children's",
        isAre: 'are',
        wasWere: 'were',
        hasHave: 'have',
      };
}

interface OutcomeWording {
  /** The decision, in plain words. */
  decision: (children: ChildrenWords) => string;
  /** What happens next. */
  next: (children: ChildrenWords) => string;
}

/**
 * One fixed wording per outcome (a Record, so a new outcome cannot be added without its wording).
 * The protocols ask for feedback to the referrer on every contact (e.g. Croydon: "feedback to the
 * referrer on the outcome"); these sentences are what every referrer gets, whatever else is written.
 */
export const OUTCOME_WORDING: Record<Outcome, OutcomeWording> = {
  'no-further-action': {
    decision: () =>
      "We have looked carefully at the information you gave us and decided that children's social care " +
      'does not need to take any further action at this time.',
    next: (c) =>
      `Children's social care will take no further action on this contact. Any support already in place for ${c.the} ` +
      'should carry on as before.',
  },
  signpost: {
    decision: () =>
      "We have decided that the family would be best helped by services in the community rather than by children's social care.",
    next: () =>
      'We have given the family information about services that may help them. Taking up these services is their choice.',
  },
  'early-help': {
    decision: () =>
      'We have decided that the family should be offered early help: support from an early help service, ' +
      "with the family's agreement, so that difficulties do not get worse.",
    next: () =>
      'An early help practitioner will contact the family to offer support. If the family agree, the practitioner ' +
      'may contact you to plan that support together.',
  },
  's17-assessment': {
    decision: (c) =>
      `We have decided that a social worker will assess ${c.thePossessive} needs ` +
      '(a Child in Need assessment under section 17 of the Children Act 1989).',
    next: () =>
      'A social worker will contact the family to start the assessment and may contact you for more information. ' +
      'The assessment will be completed within 45 working days.',
  },
  's47-strategy-discussion': {
    decision: () =>
      'We have decided to hold a strategy discussion with the police and other agencies, to decide whether ' +
      'child protection enquiries under section 47 of the Children Act 1989 are needed.',
    next: () =>
      'The strategy discussion will take place soon. You may be asked to take part in it or to share what you know, ' +
      'and a social worker will contact the family.',
  },
  'transfer-to-allocated-worker': {
    decision: (c) =>
      `${c.The} ${c.isAre} already known to children's social care and ${c.hasHave} an allocated worker. ` +
      'We have passed your information to that worker.',
    next: () =>
      'The allocated worker will consider your information and decide what needs to happen. ' +
      'They may contact you if they need to know more.',
  },
  'transfer-to-previous-team': {
    decision: (c) =>
      `${c.The} ${c.wasWere} recently known to one of our teams. We have passed your information to that team.`,
    next: () =>
      'The team will consider your information and decide what needs to happen. They may contact you if they need to know more.',
  },
  lado: {
    decision: () =>
      'Your contact raises concerns about an adult who works or volunteers with children. We have passed it to the ' +
      'Local Authority Designated Officer (LADO), who manages allegations against people who work with children.',
    next: () =>
      "The LADO will consider the concerns and may contact you and the adult's employer. " +
      'Please do not discuss the concerns with the person they are about.',
  },
};

const LETTER_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** 22 November 2026, as the day falls in England (a decision at 00:30 BST is dated that day, not the one before). */
export function letterDate(isoTimestamp: string): string {
  return LETTER_DATE.format(new Date(isoTimestamp));
}

/** "Amy", "Amy and Ben", "Amy, Ben and Cara". */
export function listOfNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function closingParagraph(hubName: string, reference: string, children: ChildrenWords): string {
  return (
    `If you have new worries about ${children.the}, or the situation changes, please contact the ${hubName} again ` +
    `and quote reference ${reference}; you can make a new referral at any time. ` +
    'If a child is in immediate danger, call the police on 999.'
  );
}

/**
 * The outcome letter to the referrer. It is built only from the fields named here: decision.recorded
 * carries no agency items by contract, and picking fields one by one means that even a message with
 * extra properties (a newer sender, a mistake) cannot put anything else into a letter.
 */
export function outcomeLetter(decision: DecisionRecorded, hubName: string): OutcomeLetter {
  const { reference, outcome, decidedAt, contactReceivedAt, feedbackToReferrer } = decision;
  const referrer = { name: decision.referrer.name, organisation: decision.referrer.organisation };
  const childNames = decision.children.map((child) => `${child.givenName} ${child.familyName}`);
  const words = childrenWords(childNames.length);
  const wording = OUTCOME_WORDING[outcome];

  const received = contactReceivedAt
    ? `We received your contact on ${letterDate(contactReceivedAt)} and a decision was made on ${letterDate(decidedAt)}.`
    : `A decision was made on ${letterDate(decidedAt)}.`;
  const sections: LetterSection[] = [
    {
      paragraphs: [
        `Thank you for contacting the ${hubName} about ${listOfNames(childNames)}. ${received}`,
        `This letter tells you the outcome. Please quote reference ${reference} if you get in touch about it.`,
      ],
    },
    { heading: 'The outcome', paragraphs: [wording.decision(words)] },
    { heading: 'What happens next', paragraphs: [wording.next(words)] },
  ];
  const feedback = paragraphsOf(feedbackToReferrer);
  if (feedback.length) sections.push({ heading: 'Feedback from the decision maker', paragraphs: feedback });
  sections.push({
    heading: 'If you are worried again',
    paragraphs: [closingParagraph(hubName, reference, words)],
  });

  return {
    hubName,
    reference,
    dated: letterDate(decidedAt),
    addressee: [referrer.name, ...(referrer.organisation ? [referrer.organisation] : [])],
    title: `Outcome of your contact: reference ${reference}`,
    salutation: `Dear ${referrer.name},`,
    sections,
    signOff: ['Yours sincerely,', hubName],
  };
}

/** The letter as plain text, in reading order (what the PDF shows, without the layout). */
export function outcomeLetterText(letter: OutcomeLetter): string {
  const lines = [
    letter.hubName,
    '',
    ...letter.addressee,
    '',
    letter.dated,
    `Reference: ${letter.reference}`,
    '',
  ];
  lines.push(letter.title, '', letter.salutation, '');
  for (const section of letter.sections) {
    if (section.heading) lines.push(section.heading);
    for (const paragraph of section.paragraphs) lines.push(paragraph, '');
  }
  lines.push(...letter.signOff);
  return lines.join('\n') + '\n';
}

function paragraphsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
