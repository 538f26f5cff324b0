import type { INestApplication } from '@nestjs/common';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import {
  deadLetterQueueName,
  eventsExchange,
  MessageTypes,
  SignatureHeaders,
  signingKeyId,
  WireHeaders,
} from '@mash/contracts';
import { aCheckResponded, aContactScreened, aRequestedCheck } from '@mash/contracts/testing';
import { startService } from '@mash/messaging';
import { loadConfig } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { DecisionConfig } from '../src/config';
import { adminPg, testServiceEnv } from '../../../test-support/env';
import { eventually, testAgencyKey, TestBroker } from '../../../test-support/broker';

/**
 * DESIGN.md, Security: agency responses are signed by the agency node's key and the decision service
 * rejects one whose signature does not verify. Every refused response lands in the dead-letter queue
 * with its reason, and the MASH record does not change.
 */
describe('decision verifies the agencies’ signatures (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  const queue = 'decision.inbox';
  const contactId = randomUUID();
  const policeCheck = randomUUID();

  const checkStatus = async () =>
    (await db.query('SELECT status FROM record_checks WHERE check_id = $1', [policeCheck])).rows[0]?.status;
  const deadLettered = async (messageId: string) =>
    eventually(async () => {
      const dead = (await broker.drain(deadLetterQueueName(queue))).find(
        (m) => m.properties.messageId === messageId,
      );
      return dead ? String(dead.properties.headers?.[WireHeaders.FailureReason]) : undefined;
    });
  const respond = (options: Parameters<TestBroker['publish']>[4]) =>
    broker.publish(
      eventsExchange('police-checks'),
      MessageTypes.CheckResponded,
      MessageTypes.CheckResponded,
      aCheckResponded({ checkId: policeCheck, contactId, agency: 'police' }),
      options,
    );

  beforeAll(async () => {
    db = await adminPg('decision');
    broker = await TestBroker.connect();
    await broker.purge(queue, deadLetterQueueName(queue));
    const config = loadConfig(DecisionConfig, testServiceEnv('decision'));
    app = await startService({
      service: 'decision',
      module: AppModule.register(config),
      config,
      title: '',
      description: '',
      listen: false,
    });
    await broker.publish(
      eventsExchange('triage'),
      MessageTypes.ContactScreened,
      MessageTypes.ContactScreened,
      aContactScreened({ contactId, checks: [aRequestedCheck({ checkId: policeCheck, agency: 'police' })] }),
    );
    await eventually(async () => ((await checkStatus()) === 'requested' ? true : undefined));
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  it('refuses a response forged with another key under the police key id', async () => {
    const { privateKey: forger } = generateKeyPairSync('ed25519');
    const messageId = await respond({
      signWith: forger,
      headers: { [SignatureHeaders.KeyId]: signingKeyId(testAgencyKey('police')) },
    });
    expect(await deadLettered(messageId)).toContain('signature does not verify');
    expect(await checkStatus()).toBe('requested');
  });

  it('refuses an unsigned response', async () => {
    const messageId = await respond({ signWith: 'unsigned' });
    expect(await deadLettered(messageId)).toBe('check.responded is not signed');
    expect(await checkStatus()).toBe('requested');
  });

  it('refuses health signing a response that claims to be the police’s', async () => {
    const messageId = await respond({ signWith: testAgencyKey('health') });
    expect(await deadLettered(messageId)).toContain('speaks for health');
    expect(await checkStatus()).toBe('requested');
  });

  it('accepts the response signed with the police key', async () => {
    await respond({});
    await eventually(async () => ((await checkStatus()) === 'responded' ? true : undefined));
  });
});
