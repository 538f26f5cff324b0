import type { DecisionRecorded, Outcome, ReceivingTeam } from '@mash/contracts';
import type { NotificationSettings } from '@mash/policy';

/** A heading and its paragraphs; the PDF and the plain text are both drawn from these. */
export interface LetterSection {
  heading?: string;
  paragraphs: string[];
}

/** A letter as words (outcome, family, consultation summary); `letter-pdf.ts` lays it out. */
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
  /** BCP 47: the PDF's language, for screen readers. */
  language?: string;
}

/** What a letter says besides the decision itself: how to reach the hub and the team the contact went to. */
export interface LetterContext {
  hubContact?: NotificationSettings['hubContact'];
  receivingTeam?: ReceivingTeam | null;
  /** The decision's rationale, where the profile sends it (Croydon 8: NFA). */
  rationale?: string | null;
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
  // Bexley 2 and 8: signposting is given to the person who made contact.
  signpost: {
    decision: () =>
      "We have decided that the family would be best helped by services in the community rather than by children's social care.",
    next: () =>
      'As the person who contacted us, you are given information about services in the community that may help. ' +
      "Taking up these services is the family's choice.",
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

/** How to reach the hub, from the profile ("Call the MASH on 020 3045 5440; out of hours ..."), if it says. */
export function hubContactParagraph(
  hubName: string,
  contact?: LetterContext['hubContact'],
): string | undefined {
  if (!contact) return undefined;
  const ways = [
    contact.phone ? `by phone on ${contact.phone}` : undefined,
    contact.email ? `by email at ${contact.email}` : undefined,
  ].filter(Boolean);
  const parts: string[] = [];
  if (ways.length) parts.push(`You can reach the ${hubName} ${ways.join(' or ')}.`);
  if (contact.outOfHoursPhone)
    parts.push(
      `Outside office hours, call the out-of-hours emergency duty team on ${contact.outOfHoursPhone}.`,
    );
  return parts.length ? parts.join(' ') : undefined;
}

/** The team the contact went to, or who leads the early help (Croydon 3, Northamptonshire 5). */
function receivingTeamSection(outcome: Outcome, team?: ReceivingTeam | null): LetterSection | undefined {
  if (!team) return undefined;
  const ways = [
    team.phone ? `phone ${team.phone}` : undefined,
    team.email ? `email ${team.email}` : undefined,
  ]
    .filter(Boolean)
    .join(' or ');
  const lead =
    outcome === 'early-help'
      ? `The early help support is led by ${team.name}.`
      : `Your contact has gone to ${team.name}.`;
  return {
    heading: outcome === 'early-help' ? 'Who leads the early help' : 'Who to contact',
    paragraphs: [ways ? `${lead} To contact them, ${ways}.` : lead],
  };
}

/** The sections every letter about an outcome ends with: rationale, receiving team, how to reach the hub. */
function contextSections(outcome: Outcome, context: LetterContext): LetterSection[] {
  const sections: LetterSection[] = [];
  const rationale = paragraphsOf(context.rationale);
  if (rationale.length) sections.push({ heading: 'Why we decided this', paragraphs: rationale });
  const team = receivingTeamSection(outcome, context.receivingTeam);
  if (team) sections.push(team);
  return sections;
}

/**
 * The outcome letter to the referrer. It is built only from the fields named here: decision.recorded
 * carries no agency items by contract, and picking fields one by one means that even a message with
 * extra properties (a newer sender, a mistake) cannot put anything else into a letter.
 */
export function outcomeLetter(
  decision: DecisionRecorded,
  hubName: string,
  context: LetterContext = {},
): OutcomeLetter {
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
    ...contextSections(outcome, context),
  ];
  const feedback = paragraphsOf(feedbackToReferrer);
  if (feedback.length) sections.push({ heading: 'Feedback from the decision maker', paragraphs: feedback });
  const reach = hubContactParagraph(hubName, context.hubContact);
  sections.push({
    heading: 'If you are worried again',
    paragraphs: [closingParagraph(hubName, reference, words), ...(reach ? [reach] : [])],
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
    language: 'en-GB',
  };
}

/** What the family is told for each outcome they hear of by letter (Northamptonshire 9(a)-(c)). */
const FAMILY_WORDING: Partial<Record<Outcome, (children: ChildrenWords) => string>> = {
  'no-further-action': (c) =>
    `We looked carefully at the information we received about ${c.the} and decided that children's social care ` +
    'does not need to take any further action. Any support already in place should carry on as before.',
  signpost: () =>
    "We decided that your family would be best helped by services in the community rather than by children's " +
    'social care. Taking up these services is your choice.',
  'early-help': () =>
    'We decided to offer your family early help: support from an early help service, if you agree, so that ' +
    'difficulties do not get worse. An early help practitioner will contact you to offer it.',
  's17-assessment': (c) =>
    `We decided that a social worker will assess ${c.thePossessive} needs (a Child in Need assessment under ` +
    'section 17 of the Children Act 1989). A social worker will contact you to start it; it will be completed ' +
    'within 45 working days.',
  'transfer-to-allocated-worker': (c) =>
    `We have passed the information to ${c.thePossessive} allocated worker, who will contact you if needed.`,
  'transfer-to-previous-team': () =>
    'We have passed the information to the team that knew your family recently, who will contact you if needed.',
};

/** The outcome letter to a parent with parental responsibility, or a young person of 16 or 17. */
export function familyOutcomeLetter(
  decision: DecisionRecorded,
  member: {
    name: string;
    address?: {
      line1?: string | null;
      line2?: string | null;
      town?: string | null;
      postcode?: string | null;
    } | null;
  },
  hubName: string,
  context: LetterContext = {},
): OutcomeLetter {
  const { reference, outcome, decidedAt, contactReceivedAt } = decision;
  const childNames = decision.children.map((child) => `${child.givenName} ${child.familyName}`);
  const words = childrenWords(childNames.length);
  const wording = FAMILY_WORDING[outcome] ?? ((c: ChildrenWords) => OUTCOME_WORDING[outcome].decision(c));
  const received = contactReceivedAt ? ` on ${letterDate(contactReceivedAt)}` : '';
  const address = member.address
    ? [member.address.line1, member.address.line2, member.address.town, member.address.postcode].filter(
        (line): line is string => !!line,
      )
    : [];
  const reach = hubContactParagraph(hubName, context.hubContact);
  return {
    hubName,
    reference,
    dated: letterDate(decidedAt),
    addressee: [member.name, ...address],
    title: `About the contact we received: reference ${reference}`,
    salutation: `Dear ${member.name},`,
    sections: [
      {
        paragraphs: [
          `The ${hubName} received a contact${received} about ${listOfNames(childNames)}. ` +
            `We are writing to tell you what we decided on ${letterDate(decidedAt)}. ` +
            `Please quote reference ${reference} if you get in touch about it.`,
        ],
      },
      { heading: 'What we decided', paragraphs: [wording(words)] },
      ...contextSections(outcome, context),
      {
        heading: 'If you need help',
        paragraphs: [
          `If you are worried about ${words.the}, please contact the ${hubName} and quote reference ${reference}. ` +
            'If a child is in immediate danger, call the police on 999.',
          ...(reach ? [reach] : []),
        ],
      },
    ],
    signOff: ['Yours sincerely,', hubName],
    language: 'en-GB',
  };
}

/** The summary of a consultation, to the person who asked (Bexley 5 and 6: within 48 hours). */
export function consultationSummaryLetter(
  decision: DecisionRecorded,
  hubName: string,
  context: LetterContext = {},
): OutcomeLetter {
  const { reference, decidedAt, contactReceivedAt } = decision;
  const when = contactReceivedAt ? ` on ${letterDate(contactReceivedAt)}` : '';
  const advice = paragraphsOf(decision.adviceGiven);
  const reach = hubContactParagraph(hubName, context.hubContact);
  return {
    hubName,
    reference,
    dated: letterDate(decidedAt),
    addressee: [
      decision.referrer.name,
      ...(decision.referrer.organisation ? [decision.referrer.organisation] : []),
    ],
    title: `Summary of your consultation: reference ${reference}`,
    salutation: `Dear ${decision.referrer.name},`,
    sections: [
      {
        paragraphs: [
          `Thank you for asking the ${hubName} for advice${when}. This is the summary of the advice given, ` +
            `as recorded in the MASH. Please quote reference ${reference} if you get in touch about it.`,
        ],
      },
      {
        heading: 'The advice given',
        paragraphs: advice.length
          ? advice
          : ['The advice was given on the call; no further summary was recorded.'],
      },
      {
        heading: 'If you are worried again',
        paragraphs: [
          `If your worries grow, or you want to make a referral, contact the ${hubName} and quote reference ${reference}. ` +
            'If a child is in immediate danger, call the police on 999.',
          ...(reach ? [reach] : []),
        ],
      },
    ],
    signOff: ['Yours sincerely,', hubName],
    language: 'en-GB',
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
