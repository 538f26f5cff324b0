import { printReport } from '../src/chaos';
import { ChaosReport, runChaos } from '../src/chaos/chaos-run';

/**
 * Issue 14: the hub keeps its promise under faults. A short chaos run on servers of its own (its own
 * RabbitMQ node and PostgreSQL cluster; the machine's shared ones are never stopped): a stream of
 * contacts, SIGKILLs of random services, one broker and one database outage of 20 s. Nothing lost,
 * nothing duplicated, nothing dead-lettered, nothing answered 500.
 */
jest.setTimeout(12 * 60_000);

describe('the hub under kills and outages (npm run chaos, short)', () => {
  let report: ChaosReport;
  const lines: string[] = [];

  beforeAll(async () => {
    report = await runChaos({
      // 300 contacts over 100 s, so that both outages fall while contacts keep coming.
      contacts: Number(process.env.CHAOS_TEST_CONTACTS ?? 300),
      rate: 3,
      killEverySeconds: 4,
      brokerOutageSeconds: 20,
      databaseOutageSeconds: 20,
      twoOfEach: true,
      seed: Number(process.env.CHAOS_TEST_SEED ?? 20261204),
      settleTimeoutSeconds: 240,
      ports: { amqp: 5674, management: 15674, erlangDistribution: 25674, postgres: 5434, firstService: 5201 },
      log: (line) => lines.push(line),
    });
    printReport(report, (line) => lines.push(line));
    process.stdout.write(`\n${lines.join('\n')}\n`);
  });

  it('kills processes and stops the broker and the database while contacts keep coming', () => {
    expect(report.kills).toBeGreaterThanOrEqual(3);
    expect(report.outages.map((outage) => outage.what)).toEqual(['broker', 'database']);
  });

  it('loses no contact, check, answer, decision or letter at any stage, and duplicates none', () => {
    expect(report.settled).toBe(true);
    for (const stage of report.stages) {
      expect({ stage: stage.stage, lost: stage.lost, duplicated: stage.duplicated }).toEqual({
        stage: stage.stage,
        lost: 0,
        duplicated: 0,
      });
    }
    expect(report.stages[0].expected).toBeGreaterThan(0);
  });

  it('dead-letters nothing and leaves nothing unpublished', () => {
    expect(Object.entries(report.deadLetters).filter(([, n]) => n > 0)).toEqual([]);
    expect(Object.entries(report.unpublishedOutbox).filter(([, n]) => n > 0)).toEqual([]);
  });

  it('keeps taking contacts while the broker is away, and stays live but not ready during outages', () => {
    expect(report.http['POST /contacts 201 while the broker was away']).toBeGreaterThan(0);
    expect(report.http['GET /health/ready during an outage 503']).toBeGreaterThan(0);
    expect(
      Object.keys(report.http).filter((what) => /^GET \/health\/live during an outage (?!200)/.test(what)),
    ).toEqual([]);
  });

  it('answers 503, never 500, while a server is away', () => {
    expect(Object.keys(report.http).filter((what) => / 5\d\d$/.test(what) && !/ 503$/.test(what))).toEqual(
      [],
    );
  });
});
