import type { DynamicModule, INestApplication } from '@nestjs/common';
import { createPublicKey, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import {
  Agency,
  agencyService,
  CheckRequested,
  checkRequestedRoutingKey,
  CheckResponded,
  deadLetterQueueName,
  MessageTypes,
  SignatureVerifier,
  signingKeyId,
} from '@mash/contracts';
import { startService } from '@mash/messaging';
import { Clock, issueDevelopmentToken, loadConfig, ManualClock, ServiceConfig } from '@mash/platform';
import { Capture, CapturedMessage, TestBroker, testAgencyKey } from './broker';
import { adminAmqpUrl, adminPg, testServiceEnv } from './env';

/**
 * One agency node under test against the real broker and its real test database, with the tokens and
 * calls its integration test needs: the practitioners' review and answer, publishing a check as
 * triage does, capturing its answers, and checking an answer's signature as the decision service would.
 */
export interface AgencyNodeUnderTest {
  agency: Agency;
  app: INestApplication;
  broker: TestBroker;
  db: Client;
  clock: ManualClock;
  responded: Capture<CheckResponded>;
  tokens: {
    practitioner: string;
    otherPractitioner: string;
    otherAgency: string;
    operator: string;
    /** agency-records-admin of this agency: the only one who may load its records. */
    recordsAdmin: string;
    /** auditor of this agency. */
    auditor: string;
    /** An auditor of the hub (no agency) and one of another agency: neither reads this node's log. */
    hubAuditor: string;
    otherAgencyAuditor: string;
    decisionMaker: string;
  };
  http(): ReturnType<typeof request>;
  publishCheck(check: CheckRequested, messageId?: string): Promise<string>;
  review(
    checkId: string,
    reviews: Array<{ subjectId: string; recordId: string; review: 'confirmed' | 'rejected' }>,
    token?: string,
  ): request.Test;
  respond(checkId: string, body: object, token?: string): request.Test;
  check(checkId: string, token?: string): Promise<Record<string, any>>;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  /** Whether the answer's signature verifies against this agency's public key, as decision checks it. */
  signatureVerifies(message: CapturedMessage<CheckResponded>): boolean;
  close(): Promise<void>;
}

export async function startAgencyNode<C extends ServiceConfig>(options: {
  agency: Agency;
  module: (config: C, clock: Clock) => DynamicModule;
  config: new () => C;
  now: string;
  env?: Record<string, string>;
}): Promise<AgencyNodeUnderTest> {
  const service = agencyService(options.agency);
  const queue = `${service}.check-requests`;
  const db = await adminPg(service);
  await db.query(
    `TRUNCATE agency_facts, agency_people, check_responses, check_candidates, check_subject_keys, check_escalations, checks,
              disclosures, outbox, inbox`,
  );
  const broker = await TestBroker.connect(adminAmqpUrl());
  await broker.purge(queue, deadLetterQueueName(queue));
  const responded = await broker.capture<CheckResponded>(`${service}.events`, MessageTypes.CheckResponded);
  const config = loadConfig(options.config, { ...testServiceEnv(service), ...options.env });
  const clock = new ManualClock(new Date(options.now));
  const app = await startService({
    service,
    module: options.module(config, clock),
    config,
    title: service,
    description: '',
    listen: false,
  });
  const secret = config.AUTH_DEV_SECRET!;
  const other: Agency = options.agency === 'health' ? 'police' : 'health';
  const tokens = {
    practitioner: await issueDevelopmentToken(
      { sub: `${options.agency}-practitioner-1`, roles: ['agency-practitioner'], agency: options.agency },
      secret,
    ),
    otherPractitioner: await issueDevelopmentToken(
      { sub: `${options.agency}-practitioner-2`, roles: ['agency-practitioner'], agency: options.agency },
      secret,
    ),
    otherAgency: await issueDevelopmentToken(
      { sub: `${other}-practitioner-1`, roles: ['agency-practitioner'], agency: other },
      secret,
    ),
    operator: await issueDevelopmentToken({ sub: 'operator-1', roles: ['hub-operator'] }, secret),
    recordsAdmin: await issueDevelopmentToken(
      { sub: `${options.agency}-records-admin-1`, roles: ['agency-records-admin'], agency: options.agency },
      secret,
    ),
    auditor: await issueDevelopmentToken(
      { sub: 'auditor-1', roles: ['auditor'], agency: options.agency },
      secret,
    ),
    hubAuditor: await issueDevelopmentToken({ sub: 'auditor-2', roles: ['auditor'] }, secret),
    otherAgencyAuditor: await issueDevelopmentToken(
      { sub: 'auditor-3', roles: ['auditor'], agency: other },
      secret,
    ),
    decisionMaker: await issueDevelopmentToken({ sub: 'dm-1', roles: ['decision-maker'] }, secret),
  };
  const http = () => request(app.getHttpServer());
  const key = testAgencyKey(options.agency);
  const verifier = new SignatureVerifier([
    {
      keyId: signingKeyId(key),
      agency: options.agency,
      publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
    },
  ]);

  return {
    agency: options.agency,
    app,
    broker,
    db,
    clock,
    responded,
    tokens,
    http,
    publishCheck: (check, messageId) =>
      broker.publish(
        'triage.events',
        checkRequestedRoutingKey(check.agency),
        MessageTypes.CheckRequested,
        check,
        {
          messageId: messageId ?? randomUUID(),
        },
      ),
    review: (checkId, reviews, token = tokens.practitioner) =>
      http()
        .post(`/checks/${checkId}/candidates/review`)
        .set('Authorization', `Bearer ${token}`)
        .send({ reviews }),
    respond: (checkId, body, token = tokens.practitioner) =>
      http().post(`/checks/${checkId}/response`).set('Authorization', `Bearer ${token}`).send(body),
    check: async (checkId, token = tokens.practitioner) =>
      (await http().get(`/checks/${checkId}`).set('Authorization', `Bearer ${token}`).expect(200)).body,
    count: async (table, where = 'true', params = []) =>
      (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)).rows[0].n as number,
    signatureVerifies: (message) =>
      verifier.check(
        MessageTypes.CheckResponded,
        String(message.properties.messageId),
        message.content!,
        message.properties.headers,
        message.body.agency,
      ).ok,
    close: async () => {
      await app?.close();
      await broker?.close();
      await db?.end();
    },
  };
}
