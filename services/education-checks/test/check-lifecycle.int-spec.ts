import { randomUUID } from 'node:crypto';
import {
  agencyRoutingKey,
  CheckCancelled,
  CheckChased,
  CheckEscalated,
  CheckRetimed,
  MessageTypes,
} from '@mash/contracts';
import { aCheckRequested, aCheckSubject } from '@mash/contracts/testing';
import { AppModule } from '../src/app.module';
import { EducationChecksConfig } from '../src/config';
import { AgencyNodeUnderTest, startAgencyNode } from '../../../test-support/agency-node';
import { Capture, eventually } from '../../../test-support/broker';

const NOW = '2026-11-20T10:15:00.000Z';

/**
 * After a check is requested: the hub chases it when overdue, withdraws it, re-times it; the agency
 * escalates heightened risk. The shared engine, exercised through the education node on the real broker
 * and its real database.
 */
describe('a check after it is requested (education-checks, real broker and database)', () => {
  let node: AgencyNodeUnderTest;
  let escalations: Capture<CheckEscalated>;

  beforeAll(async () => {
    node = await startAgencyNode({
      agency: 'education',
      module: (config: EducationChecksConfig, clock) => AppModule.register(config, clock),
      config: EducationChecksConfig,
      now: NOW,
      env: { AUTO_NO_TRACE: 'false' },
    });
    escalations = await node.broker.capture<CheckEscalated>(
      'education-checks.events',
      MessageTypes.CheckEscalated,
    );
  });
  afterAll(() => node?.close());

  async function anOpenCheck(): Promise<{ checkId: string; contactId: string }> {
    const check = aCheckRequested({
      checkId: randomUUID(),
      contactId: randomUUID(),
      agency: 'education',
      rag: 'amber',
      dueAt: '2026-11-21T10:15:00.000Z',
      subjects: [aCheckSubject({ subjectId: 'child-0', role: 'child' })],
    });
    await node.publishCheck(check);
    await eventually(
      async () => ((await node.count('checks', 'check_id = $1', [check.checkId])) ? true : undefined),
      15_000,
      'the check to be received',
    );
    return { checkId: check.checkId, contactId: check.contactId };
  }

  const fromDecision = (type: Parameters<typeof agencyRoutingKey>[0], body: object) =>
    node.broker.publish('decision.events', agencyRoutingKey(type, 'education'), type, body);

  it('a chased check shows how many times the hub chased it, once per chase however often it is delivered', async () => {
    const { checkId, contactId } = await anOpenCheck();
    const chase: CheckChased = {
      checkId,
      contactId,
      agency: 'education',
      dueAt: '2026-11-21T10:15:00.000Z',
      chasedAt: '2026-11-21T10:20:00.000Z',
      chaseNumber: 1,
    };
    await fromDecision(MessageTypes.CheckChased, chase);
    await fromDecision(MessageTypes.CheckChased, chase);
    const line = await eventually(async () => {
      const { body } = await node
        .http()
        .get('/checks?status=open')
        .set('Authorization', `Bearer ${node.tokens.practitioner}`)
        .expect(200);
      const found = body.find((summary: { checkId: string }) => summary.checkId === checkId);
      return found?.chaseCount ? found : undefined;
    });
    expect(line).toMatchObject({ chaseCount: 1, lastChasedAt: '2026-11-21T10:20:00.000Z' });
  });

  it('a re-timed check takes the new RAG and due time', async () => {
    const { checkId, contactId } = await anOpenCheck();
    const retimed: CheckRetimed = {
      checkId,
      contactId,
      agency: 'education',
      rag: 'red',
      dueAt: '2026-11-20T14:15:00.000Z',
      retimedAt: '2026-11-20T10:15:00.000Z',
    };
    await fromDecision(MessageTypes.CheckRetimed, retimed);
    const check = await eventually(async () => {
      const detail = await node.check(checkId);
      return detail.rag === 'red' ? detail : undefined;
    });
    expect(check.dueAt).toBe('2026-11-20T14:15:00.000Z');
  });

  it('a withdrawn check leaves the work list and can no longer be answered', async () => {
    const { checkId, contactId } = await anOpenCheck();
    const cancelled: CheckCancelled = {
      checkId,
      contactId,
      agency: 'education',
      cancelledAt: '2026-11-20T11:00:00.000Z',
      cancelledBy: 'team-manager-1',
      reason: 'Not proportionate for this concern.',
    };
    await fromDecision(MessageTypes.CheckCancelled, cancelled);
    await eventually(async () => ((await node.check(checkId)).status === 'cancelled' ? true : undefined));
    const { body: open } = await node
      .http()
      .get('/checks?status=open')
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .expect(200);
    expect(open.map((summary: { checkId: string }) => summary.checkId)).not.toContain(checkId);
    const refused = await node
      .respond(checkId, {
        rag: 'green',
        analysis: 'Nothing held.',
        noTrace: true,
        matchedRecordIds: [],
        items: [],
      })
      .expect(409);
    expect(refused.body.type).toMatch(/check-withdrawn$/);
    expect(await node.count('check_responses', 'check_id = $1', [checkId])).toBe(0);
  });

  it('a practitioner escalates heightened risk: the RAG rises and check.escalated reaches the hub', async () => {
    const { checkId, contactId } = await anOpenCheck();
    const { body } = await node
      .http()
      .post(`/checks/${checkId}/escalation`)
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .send({ rag: 'red', reason: 'A domestic abuse notification arrived this morning.' })
      .expect(200);
    expect(body).toMatchObject({ checkId, contactId, agency: 'education', rag: 'red' });
    const [sent] = await escalations.waitFor(1, (message) => message.body.checkId === checkId);
    expect(sent.body).toMatchObject({ rag: 'red', escalatedBy: 'education-practitioner-1' });
    expect((await node.check(checkId)).rag).toBe('red');
    expect(await node.count('check_escalations', 'check_id = $1', [checkId])).toBe(1);
  });

  it('an escalation must raise the RAG, and only the agency’s own practitioner may escalate', async () => {
    const { checkId } = await anOpenCheck();
    const lower = await node
      .http()
      .post(`/checks/${checkId}/escalation`)
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .send({ rag: 'green', reason: 'Lower, please.' })
      .expect(422);
    expect(lower.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'rag', rule: 'moreUrgent' })]),
    );
    await node
      .http()
      .post(`/checks/${checkId}/escalation`)
      .set('Authorization', `Bearer ${node.tokens.otherAgency}`)
      .send({ rag: 'red', reason: 'Not ours.' })
      .expect(403);
    await node
      .http()
      .post(`/checks/${checkId}/escalation`)
      .set('Authorization', `Bearer ${node.tokens.practitioner}`)
      .send({ rag: 'scarlet' })
      .expect(400);
    expect(await node.count('check_escalations', 'check_id = $1', [checkId])).toBe(0);
  });
});
