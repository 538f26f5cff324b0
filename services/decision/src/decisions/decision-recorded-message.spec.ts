import { validateMessage } from '@mash/contracts';
import { aMashRecord } from '../../test/factories';
import { decisionRecordedMessage } from './decision-recorded-message';

const decision = {
  outcome: 'early-help' as const,
  decidedAt: new Date('2024-03-05T10:00:00.000Z'),
  decidedBy: 'dm-42',
  feedbackToReferrer: 'Thank you; the family is being offered early help.',
};

describe('decision.recorded message', () => {
  it('is a valid decision.recorded for the contract', () => {
    const result = validateMessage('decision.recorded', decisionRecordedMessage(aMashRecord(), decision));
    expect(result).toEqual(expect.objectContaining({ ok: true }));
  });

  it('never carries the rationale, which is internal to the MASH', () => {
    const record = aMashRecord({ rationale: 'Internal reasoning: police intelligence weighed heavily' });
    const message = decisionRecordedMessage(record, decision);
    expect(JSON.stringify(message)).not.toContain('Internal reasoning');
    expect(message).not.toHaveProperty('rationale');
  });

  it('tells notifications who to write to: the referrer and the children by name, nothing more about them', () => {
    const message = decisionRecordedMessage(aMashRecord(), decision);
    expect(message.referrer).toEqual({
      name: 'Sam Teacher',
      organisation: 'Example Primary School',
      email: 'dsl@school.example.org',
      phone: aMashRecord().contact.referrer.phone ?? null,
    });
    expect(message.children).toEqual([{ givenName: 'Amelia', familyName: 'Example' }]);
    expect(JSON.stringify(message)).not.toContain('2016-05-14');
    expect(JSON.stringify(message)).not.toContain('bruising');
  });

  it('carries the outcome, who decided and when, and when the contact arrived (for timescales)', () => {
    const message = decisionRecordedMessage(aMashRecord(), decision);
    expect(message).toMatchObject({
      outcome: 'early-help',
      decidedBy: 'dm-42',
      decidedAt: '2024-03-05T10:00:00.000Z',
      contactReceivedAt: '2024-03-04T09:15:00.000Z',
      feedbackToReferrer: decision.feedbackToReferrer,
    });
  });

  it('names the family to tell: each adult with parental responsibility, and any child of 16 or 17', () => {
    const record = aMashRecord();
    record.contact = {
      ...record.contact,
      children: [
        { ...record.contact.children[0], givenName: 'Amelia', dateOfBirth: '2016-05-14' },
        { ...record.contact.children[0], givenName: 'Zoe', dateOfBirth: '2007-03-01' },
      ],
      adults: [
        {
          givenName: 'Beth',
          familyName: 'Example',
          relationship: 'mother',
          parentalResponsibility: true,
          phone: '020 7946 0001',
        },
        { givenName: 'Ed', familyName: 'Lodger', relationship: 'lodger', parentalResponsibility: false },
      ],
    };
    const message = decisionRecordedMessage(record, decision);
    expect(message.family?.map((member) => [member.name, member.role, member.phone])).toEqual([
      ['Beth Example', 'parent', '020 7946 0001'],
      ['Zoe Example', 'young-person', null],
    ]);
    expect(validateMessage('decision.recorded', message)).toEqual(expect.objectContaining({ ok: true }));
  });

  it('carries the reason the family is not told, the advice given and the receiving team when the decision has them', () => {
    const message = decisionRecordedMessage(aMashRecord(), {
      ...decision,
      familyNotToldReason: 'Would prejudice the police enquiry',
      adviceGiven: 'Speak to the school nurse.',
      receivingTeam: { name: 'Early Help North', phone: '020 7946 0100' },
    });
    expect(message).toMatchObject({
      familyNotToldReason: 'Would prejudice the police enquiry',
      adviceGiven: 'Speak to the school nurse.',
      receivingTeam: { name: 'Early Help North', phone: '020 7946 0100', email: null },
      rationaleForReferrer: null,
    });
  });
});
