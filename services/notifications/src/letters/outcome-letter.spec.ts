import { DecisionRecorded, OUTCOMES } from '@mash/contracts';
import { aDecisionRecorded, aLetterChild, aLetterRecipient } from '@mash/contracts/testing';
import {
  letterDate,
  OUTCOME_WORDING,
  outcomeLetter,
  outcomeLetterText,
  childrenWords,
} from './outcome-letter';
import { outcomeEmail } from './outcome-email';

const HUB = 'Example Multi-Agency Safeguarding Hub';

function textOf(decision: DecisionRecorded): string {
  return outcomeLetterText(outcomeLetter(decision, HUB));
}

describe('outcome letter', () => {
  it('is addressed to the referrer by name and organisation and names the hub and the reference', () => {
    const letter = outcomeLetter(
      aDecisionRecorded({
        reference: 'MASH-20240304-000042',
        referrer: aLetterRecipient({ name: 'Ann Smith', organisation: 'Hill Primary' }),
      }),
      HUB,
    );
    expect(letter.addressee).toEqual(['Ann Smith', 'Hill Primary']);
    expect(letter.salutation).toBe('Dear Ann Smith,');
    const text = outcomeLetterText(letter);
    expect(text).toContain(HUB);
    expect(text).toContain('MASH-20240304-000042');
  });

  it('leaves the organisation out when the referrer has none', () => {
    const letter = outcomeLetter(
      aDecisionRecorded({ referrer: aLetterRecipient({ name: 'A Parent', organisation: null }) }),
      HUB,
    );
    expect(letter.addressee).toEqual(['A Parent']);
  });

  it('gives the day the contact was received and the day it was decided, as dates in England', () => {
    const text = textOf(
      aDecisionRecorded({
        contactReceivedAt: '2024-03-01T09:15:00.000Z',
        decidedAt: '2024-06-03T23:30:00.000Z',
      }),
    );
    expect(text).toContain('We received your contact on 1 March 2024');
    // 23:30 UTC on 3 June is 00:30 on 4 June in London (BST).
    expect(text).toContain('a decision was made on 4 June 2024');
  });

  it('says only when the decision was made if the day received is not known', () => {
    const text = textOf(
      aDecisionRecorded({ contactReceivedAt: null, decidedAt: '2024-03-04T15:30:00.000Z' }),
    );
    expect(text).not.toContain('We received your contact');
    expect(text).toContain('A decision was made on 4 March 2024.');
  });

  it('names every child in full', () => {
    const text = textOf(
      aDecisionRecorded({
        children: [
          aLetterChild({ givenName: 'Amy', familyName: 'Jones' }),
          aLetterChild({ givenName: 'Ben', familyName: 'Jones' }),
          aLetterChild({ givenName: 'Cara', familyName: 'Stone' }),
        ],
      }),
    );
    expect(text).toContain('about Amy Jones, Ben Jones and Cara Stone.');
  });

  it.each(OUTCOMES.map((outcome) => [outcome]))(
    'states the outcome %s and what happens next in its fixed words',
    (outcome) => {
      const letter = outcomeLetter(aDecisionRecorded({ outcome }), HUB);
      const words = childrenWords(1);
      const outcomeSection = letter.sections.find((section) => section.heading === 'The outcome');
      const nextSection = letter.sections.find((section) => section.heading === 'What happens next');
      expect(outcomeSection?.paragraphs).toEqual([OUTCOME_WORDING[outcome].decision(words)]);
      expect(nextSection?.paragraphs).toEqual([OUTCOME_WORDING[outcome].next(words)]);
    },
  );

  it('words each outcome differently, so the referrer can tell them apart', () => {
    const sentences = OUTCOMES.map((outcome) => OUTCOME_WORDING[outcome].decision(childrenWords(1)));
    expect(new Set(sentences).size).toBe(OUTCOMES.length);
  });

  it('names the legal basis of a s17 assessment and a s47 strategy discussion in plain words', () => {
    expect(textOf(aDecisionRecorded({ outcome: 's17-assessment' }))).toContain(
      'Child in Need assessment under section 17',
    );
    expect(textOf(aDecisionRecorded({ outcome: 's47-strategy-discussion' }))).toContain(
      'strategy discussion',
    );
    expect(textOf(aDecisionRecorded({ outcome: 'lado' }))).toContain(
      'Local Authority Designated Officer (LADO)',
    );
  });

  it('reads right for one child and for several', () => {
    const one = textOf(
      aDecisionRecorded({ outcome: 'transfer-to-allocated-worker', children: [aLetterChild()] }),
    );
    const two = textOf(
      aDecisionRecorded({
        outcome: 'transfer-to-allocated-worker',
        children: [aLetterChild(), aLetterChild({ givenName: 'Ben' })],
      }),
    );
    expect(one).toContain('The child is already known');
    expect(two).toContain('The children are already known');
  });

  it("includes the decision maker's feedback to the referrer, paragraph by paragraph", () => {
    const letter = outcomeLetter(
      aDecisionRecorded({
        feedbackToReferrer: 'Thank you for the detail.\n\nPlease keep a note of any new   worries.',
      }),
      HUB,
    );
    const feedback = letter.sections.find(
      (section) => section.heading === 'Feedback from the decision maker',
    );
    expect(feedback?.paragraphs).toEqual([
      'Thank you for the detail.',
      'Please keep a note of any new worries.',
    ]);
  });

  it('has no feedback section when there is no feedback', () => {
    const letter = outcomeLetter(aDecisionRecorded({ feedbackToReferrer: null }), HUB);
    expect(letter.sections.map((section) => section.heading)).not.toContain(
      'Feedback from the decision maker',
    );
  });

  it('ends by telling the referrer how to get in touch again, quoting the reference', () => {
    const letter = outcomeLetter(aDecisionRecorded({ reference: 'MASH-20240304-000042' }), HUB);
    const last = letter.sections[letter.sections.length - 1];
    expect(last.heading).toBe('If you are worried again');
    expect(last.paragraphs[0]).toContain(`contact the ${HUB} again and quote reference MASH-20240304-000042`);
    expect(last.paragraphs[0]).toContain('999');
  });

  it('is built only from the fields of decision.recorded: extra properties on the message never reach it', () => {
    const decision = {
      ...aDecisionRecorded(),
      items: [{ summary: 'SOFT-INTELLIGENCE-XYZ known associate of a suspect', classification: 'mash-only' }],
      analysis: 'POLICE-ANALYSIS-ABC',
      rationale: 'DECISION-RATIONALE-DEF',
      referrer: { ...aLetterRecipient(), phone: '020 7946 0999', notes: 'REFERRER-NOTE-GHI' },
      children: [{ ...aLetterChild(), dateOfBirth: '2016-03-04', address: 'ADDRESS-JKL' }],
    } as unknown as DecisionRecorded;
    const letterText = JSON.stringify(outcomeLetter(decision, HUB));
    const email = JSON.stringify(outcomeEmail(decision, HUB));
    for (const leaked of [
      'SOFT-INTELLIGENCE-XYZ',
      'mash-only',
      'POLICE-ANALYSIS-ABC',
      'DECISION-RATIONALE-DEF',
      '020 7946 0999',
      'REFERRER-NOTE-GHI',
      '2016-03-04',
      'ADDRESS-JKL',
    ]) {
      expect(letterText).not.toContain(leaked);
      expect(email).not.toContain(leaked);
    }
  });

  it('dates the letter the day of the decision', () => {
    const letter = outcomeLetter(aDecisionRecorded({ decidedAt: '2024-12-25T10:00:00.000Z' }), HUB);
    expect(letter.dated).toBe('25 December 2024');
    expect(letterDate('2024-12-25T10:00:00.000Z')).toBe('25 December 2024');
  });
});

describe('outcome email', () => {
  const decision = aDecisionRecorded({
    reference: 'MASH-20240304-000042',
    outcome: 'early-help',
    children: [
      aLetterChild({ givenName: 'Amy', familyName: 'Jones' }),
      aLetterChild({ givenName: 'Ben', familyName: 'Jones' }),
    ],
    feedbackToReferrer: 'FEEDBACK-ONLY-IN-THE-LETTER',
  });

  it('names the reference in its subject', () => {
    expect(outcomeEmail(decision, HUB).subject).toBe(
      'Outcome of your contact: reference MASH-20240304-000042',
    );
  });

  it('names the children by first name only and leaves the details to the attached letter', () => {
    const { text, attachmentName } = outcomeEmail(decision, HUB);
    expect(text).toContain('about Amy and Ben (reference MASH-20240304-000042)');
    expect(text).not.toContain('Jones');
    expect(text).not.toContain('FEEDBACK-ONLY-IN-THE-LETTER');
    expect(text).toContain(attachmentName);
    expect(attachmentName).toBe('outcome-MASH-20240304-000042.pdf');
  });

  it('gives the outcome and what happens next in the same words as the letter', () => {
    const { text } = outcomeEmail(decision, HUB);
    expect(text).toContain(OUTCOME_WORDING['early-help'].decision(childrenWords(2)));
    expect(text).toContain(OUTCOME_WORDING['early-help'].next(childrenWords(2)));
  });
});
