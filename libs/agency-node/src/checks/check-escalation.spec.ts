import { escalationViolations } from './check-escalation';

describe('escalationViolations', () => {
  it('lets an agency raise an amber check to red', () => {
    expect(escalationViolations({ status: 'open', rag: 'amber' }, 'red')).toEqual([]);
  });

  it('lets an agency escalate a check it has already answered: new information can come after the answer', () => {
    expect(escalationViolations({ status: 'responded', rag: 'green' }, 'amber')).toEqual([]);
  });

  it.each([
    ['amber', 'amber'],
    ['amber', 'green'],
    ['red', 'red'],
  ] as const)('refuses to move a %s check to %s: an escalation only raises the RAG', (current, requested) => {
    expect(escalationViolations({ status: 'open', rag: current }, requested)).toEqual([
      expect.objectContaining({ field: 'rag', rule: 'moreUrgent' }),
    ]);
  });

  it('refuses to escalate a check the hub has withdrawn', () => {
    expect(escalationViolations({ status: 'cancelled', rag: 'green' }, 'red')).toEqual([
      expect.objectContaining({ rule: 'notCancelled' }),
    ]);
  });
});
