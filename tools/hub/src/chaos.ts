import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ChaosReport, DEFAULT_CHAOS_OPTIONS, runChaos } from './chaos/chaos-run';
import { errorMessage } from './provisioning';

const USAGE = `usage: npm run chaos -- [--contacts 1000] [--rate 10] [--kill-every 5] [--broker-outage 90]
                      [--db-outage 90] [--two-of-each] [--seed N] [--settle-timeout 600]

Starts its own RabbitMQ node (port 5673) and PostgreSQL cluster (port 5433), provisions the hub on
them, runs the seven services (ports 5001-5007; with --two-of-each a second instance of every consumer
on 5102-5107), sends a steady stream of contacts, records decisions, SIGKILLs a random process every
few seconds and stops the broker and the database once each. When the hub is quiet it prints, per
stage, expected, found, lost and duplicated, and exits non-zero on any loss, duplicate, dead letter,
unpublished outbox row or 500 answer. The machine's shared servers are never touched.`;

export function printReport(report: ChaosReport, print: (line: string) => void = console.log): void {
  const width = Math.max(...report.stages.map((stage) => stage.stage.length));
  print(`\n${'stage'.padEnd(width)}  expected     found      lost  duplicated`);
  for (const s of report.stages) {
    print(
      `${s.stage.padEnd(width)}  ${String(s.expected).padStart(8)}  ${String(s.found).padStart(8)}  ${String(s.lost).padStart(8)}  ${String(s.duplicated).padStart(10)}`,
    );
  }
  const deadLetters = Object.entries(report.deadLetters).filter(([, n]) => n > 0);
  const unpublished = Object.entries(report.unpublishedOutbox).filter(([, n]) => n > 0);
  print(`\ndead letters: ${deadLetters.length ? deadLetters.map(([q, n]) => `${q} ${n}`).join(', ') : '0'}`);
  print(
    `unpublished outbox rows: ${unpublished.length ? unpublished.map(([s, n]) => `${s} ${n}`).join(', ') : '0'}`,
  );
  print(
    `HTTP answers: ${Object.entries(report.http)
      .sort()
      .map(([what, n]) => `${what}: ${n}`)
      .join('; ')}`,
  );
  print(
    `kills: ${report.kills}; outages: ${report.outages.map((o) => `${o.what} ${o.seconds} s at ${o.atSeconds} s`).join(', ') || 'none'}`,
  );
  const ready = Object.entries(report.readyMs).map(([service, samples]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return `${service} ${sorted[Math.floor(sorted.length / 2)]} ms median, ${sorted[sorted.length - 1]} ms max (${sorted.length})`;
  });
  print(
    `time to ready after a SIGKILL (spawn to /health/ready 200): ${ready.join('; ') || 'no restart measured'}`,
  );
  print(
    `time to ready at the start, all processes at once: ${Object.entries(report.initialReadyMs)
      .map(([key, ms]) => `${key} ${ms} ms`)
      .join('; ')}`,
  );
  print(
    `load average at the end (1, 5, 15 min; ${cpus().length} cores): ${loadavg()
      .map((n) => n.toFixed(1))
      .join(', ')}`,
  );
  print(
    `elapsed ${report.elapsedSeconds} s; ${report.settled ? 'quiet' : 'NOT quiet within the settle timeout'}; ${report.ok ? 'OK' : 'FAILED'}`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      contacts: { type: 'string' },
      rate: { type: 'string' },
      'kill-every': { type: 'string' },
      'broker-outage': { type: 'string' },
      'db-outage': { type: 'string' },
      'two-of-each': { type: 'boolean', default: false },
      seed: { type: 'string' },
      'settle-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const number = (value: string | undefined, fallback: number) =>
    value === undefined ? fallback : Number(value);
  const d = DEFAULT_CHAOS_OPTIONS;
  const report = await runChaos({
    contacts: number(values.contacts, d.contacts),
    rate: number(values.rate, d.rate),
    killEverySeconds: number(values['kill-every'], d.killEverySeconds),
    brokerOutageSeconds: number(values['broker-outage'], d.brokerOutageSeconds),
    databaseOutageSeconds: number(values['db-outage'], d.databaseOutageSeconds),
    twoOfEach: values['two-of-each'],
    seed: number(values.seed, d.seed),
    settleTimeoutSeconds: number(values['settle-timeout'], d.settleTimeoutSeconds),
  });
  printReport(report);
  process.exit(report.ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`chaos run failed: ${errorMessage(error)}`);
    process.exit(2);
  });
}
