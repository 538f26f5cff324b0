import { validateMessage } from '@mash/contracts';
import { aCheckSubject } from '@mash/contracts/testing';
import { aMashRecord, aRecordCheck } from '../../test/factories';
import {
  checkCancelledMessage,
  checkChasedMessage,
  checkRequestedMessage,
  checkRetimedMessage,
} from './check-messages';

const at = new Date('2024-03-04T14:00:00.000Z');
const due = new Date('2024-03-04T13:40:00.000Z');

describe('what decision sends to an agency', () => {
  it('a check.requested valid for the contract, about the people screening named, due when the record says', () => {
    const message = checkRequestedMessage(
      aMashRecord(),
      aRecordCheck({ agency: 'health', dueAt: due }),
      'red',
      at,
      [aCheckSubject()],
    );
    expect(validateMessage('check.requested', message)).toEqual(expect.objectContaining({ ok: true }));
    expect(message).toMatchObject({
      agency: 'health',
      rag: 'red',
      requestedAt: at.toISOString(),
      dueAt: due.toISOString(),
    });
    expect(message.subjects).toEqual([aCheckSubject()]);
  });

  it('a check.chased valid for the contract, with the chase number', () => {
    const message = checkChasedMessage(aRecordCheck(), due, at, 2);
    expect(validateMessage('check.chased', message)).toEqual(expect.objectContaining({ ok: true }));
    expect(message).toMatchObject({ dueAt: due.toISOString(), chasedAt: at.toISOString(), chaseNumber: 2 });
  });

  it('a check.retimed valid for the contract, also when the new rating sets no due time', () => {
    const message = checkRetimedMessage(aRecordCheck({ dueAt: null }), 'green', at);
    expect(validateMessage('check.retimed', message)).toEqual(expect.objectContaining({ ok: true }));
    expect(message.dueAt).toBeNull();
  });

  it('a check.cancelled valid for the contract, carrying who and why', () => {
    const message = checkCancelledMessage(aRecordCheck(), at, 'tm-1', 'Not proportionate for a baby.');
    expect(validateMessage('check.cancelled', message)).toEqual(expect.objectContaining({ ok: true }));
    expect(message).toMatchObject({ cancelledBy: 'tm-1', reason: 'Not proportionate for a baby.' });
  });
});
