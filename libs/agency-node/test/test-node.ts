import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { CheckRequested } from '@mash/contracts';
import { aCheckRequested } from '@mash/contracts/testing';
import { MessagingModule } from '@mash/messaging';
import { Clock, PlatformModule } from '@mash/platform';
import { AgencyNodeConfig, AgencyNodeModule, agencyNodeDataSourceOptions, agencyNodeWebModule } from '../src';
import { testRecordKinds } from '../src/testing/factories';
import { AgencyNodeUnderTest, startAgencyNode } from '../../../test-support/agency-node';
import { eventually } from '../../../test-support/broker';

/**
 * The shared engine on its own, as an agency node with the engine's test record types and a fixed
 * analysis, on the police node's test database and queue (integration tests run one at a time).
 * What is proved here holds for every node, whatever its records.
 */
@Module({})
class TestNodeModule {
  static register(config: AgencyNodeConfig, clock: Clock): DynamicModule {
    return {
      module: TestNodeModule,
      imports: [
        PlatformModule.forRoot({ service: 'police-checks', config, clock }),
        TypeOrmModule.forRoot(agencyNodeDataSourceOptions('police-checks', config.DATABASE_URL)),
        MessagingModule.forRoot('police-checks', config),
        // As every node's app module: the practitioner's pages are part of the engine.
        agencyNodeWebModule('police-checks', config, { agency: 'police' }),
        AgencyNodeModule.register({
          agency: 'police',
          recordKinds: testRecordKinds,
          analyse: () => 'Analysis written by the test node.',
        }),
      ],
    };
  }
}

export function startTestNode(now: string): Promise<AgencyNodeUnderTest> {
  return startAgencyNode({
    agency: 'police',
    module: (config: AgencyNodeConfig, clock) => TestNodeModule.register(config, clock),
    config: AgencyNodeConfig,
    now,
  });
}

export async function importRecords(node: AgencyNodeUnderTest, people: object[]): Promise<void> {
  await node
    .http()
    .post('/records/import')
    .set('Authorization', `Bearer ${node.tokens.recordsAdmin}`)
    .set('Content-Type', 'application/x-ndjson')
    .send(people.map((person) => JSON.stringify(person)).join('\n') + '\n')
    .expect(200);
}

/** A police check with a fresh id, published as triage does; resolves once the node has stored it. */
export async function receiveCheck(
  node: AgencyNodeUnderTest,
  overrides: Partial<CheckRequested> = {},
): Promise<CheckRequested> {
  const check = aCheckRequested({
    checkId: randomUUID(),
    contactId: randomUUID(),
    agency: 'police',
    requestedAt: '2026-11-20T10:00:00.000Z',
    dueAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  });
  await node.publishCheck(check);
  await eventually(
    async () => ((await node.count('checks', 'check_id = $1', [check.checkId])) ? true : undefined),
    10_000,
    'the check stored',
  );
  return check;
}
