import { aCheckSubject } from '@mash/contracts/testing';
import { aRecordLine } from '../src/testing/factories';
import type { AgencyNodeUnderTest } from '../../../test-support/agency-node';
import { importRecords, receiveCheck, startTestNode } from './test-node';

/**
 * Every view of a check and every search of the agency's records is audited in the same transaction as
 * the read, and the agency's own auditors (only they) read that log through the API (issue 15).
 */
describe('view audit of an agency node (real broker and database)', () => {
  let node: AgencyNodeUnderTest;

  beforeAll(async () => {
    node = await startTestNode('2026-11-20T12:00:00.000Z');
    await importRecords(node, [
      aRecordLine({
        recordId: 'AUD-NORA',
        givenName: 'Nora',
        familyName: 'Quennell',
        dateOfBirth: '2015-04-01',
      }),
    ]);
  });
  afterAll(() => node?.close());

  const auditLog = (checkId: string, token = node.tokens.auditor) =>
    node.http().get(`/audit-log?checkId=${checkId}`).set('Authorization', `Bearer ${token}`);

  it("writes who viewed a check and who searched the agency's records, with counts and never the search text", async () => {
    const check = await receiveCheck(node, {
      subjects: [aCheckSubject({ subjectId: 'child-0', givenName: 'Nora', familyName: 'Quennell' })],
    });
    await node.check(check.checkId);
    await node
      .http()
      .get(`/checks/${check.checkId}/record-search`)
      .query({ q: 'nora quennell' })
      .set('Authorization', `Bearer ${node.tokens.otherPractitioner}`)
      .expect(200);

    const log = await auditLog(check.checkId).expect(200);
    expect(log.body).toEqual([
      expect.objectContaining({
        action: 'records-searched',
        actorId: 'police-practitioner-2',
        actorRoles: ['agency-practitioner'],
        checkId: check.checkId,
        detail: { recordsFound: expect.any(Number) },
      }),
      expect.objectContaining({
        action: 'check-viewed',
        actorId: 'police-practitioner-1',
        checkId: check.checkId,
        detail: expect.objectContaining({ candidates: expect.any(Number) }),
      }),
    ]);
    expect(JSON.stringify(log.body)).not.toMatch(/nora|quennell/i);
    expect(await node.count('view_audit_log', 'check_id = $1', [check.checkId])).toBe(2);
  });

  it('audits nothing, and shows nothing, for a refused view', async () => {
    const check = await receiveCheck(node);
    await node
      .http()
      .get(`/checks/${check.checkId}`)
      .set('Authorization', `Bearer ${node.tokens.operator}`)
      .expect(403);
    await node
      .http()
      .get(`/checks/${check.checkId}`)
      .set('Authorization', `Bearer ${node.tokens.otherAgency}`)
      .expect(403);
    expect(await node.count('view_audit_log', 'check_id = $1', [check.checkId])).toBe(0);
  });

  it("lets only this agency's auditors read the log: not the hub's auditor, another agency's, or a practitioner", async () => {
    const check = await receiveCheck(node);
    await node.check(check.checkId);
    for (const token of [
      node.tokens.hubAuditor,
      node.tokens.otherAgencyAuditor,
      node.tokens.practitioner,
      node.tokens.operator,
    ]) {
      await auditLog(check.checkId, token).expect(403);
    }
    await node.http().get('/audit-log').expect(401);
    expect((await auditLog(check.checkId).expect(200)).body).toHaveLength(1);
  });

  it('keeps the log append-only, even for the database superuser', async () => {
    await expect(node.db.query('DELETE FROM view_audit_log')).rejects.toThrow(/append-only/);
  });
});
