import { parseArgs } from 'node:util';
import { SERVICES, ServiceName } from '@mash/contracts';
import { issueDevelopmentToken } from '@mash/platform';
import { DEFAULT_AUTH_DEV_SECRET, SERVICE_PORTS } from './provisioning';

/**
 * `npm run bench -- [--contacts 200] [--concurrency 10]` against a running hub (`npm start`): submits
 * synthetic contacts at the front door and prints how long each takes to be recorded and to become
 * ready for decision (all three agencies answered), the throughput, and each service's memory.
 * It prints figures; it asserts nothing.
 *
 * The synthetic people are held by no agency, so each agency node answers "no trace" by itself: this
 * needs the nodes' AUTO_NO_TRACE on (the `npm start` default). An answer that shares anything needs a
 * practitioner and is not what this measures.
 */
const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '10' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const total = Number(values.contacts);
const concurrency = Number(values.concurrency);
const url = (service: ServiceName, path: string) => `http://${values.host}:${SERVICE_PORTS[service]}${path}`;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  return `${label.padEnd(34)} p50 ${fmt(percentile(sorted, 50)).padStart(8)}  p95 ${fmt(percentile(sorted, 95)).padStart(8)}  max ${fmt(sorted[sorted.length - 1]).padStart(8)}`;
}

async function memory(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const service of SERVICES) {
    const text = await fetch(url(service, '/metrics')).then(
      (r) => r.text(),
      () => '',
    );
    const match = /^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text);
    out[service] = match ? Number(match[1]) / 1024 / 1024 : NaN;
  }
  return out;
}

function syntheticContact(n: number) {
  // Synthetic people only: obviously made-up names, never real data.
  return {
    source: 'school',
    channel: 'portal',
    requestType: 'safeguarding',
    referrer: { name: 'Bench Referrer', organisation: 'Benchmark School', email: 'bench@bench.example' },
    children: [
      { givenName: `Benchchild${n}`, familyName: 'Synthetic', dateOfBirth: '2015-05-05', gender: 'unknown' },
    ],
    adults: [
      {
        givenName: `Benchadult${n}`,
        familyName: 'Synthetic',
        dateOfBirth: '1985-05-05',
        relationship: 'parent',
      },
    ],
    concern: { summary: 'Synthetic benchmark contact', categories: ['neglect'], immediateDanger: false },
    consent: { status: 'given', givenBy: 'parent' },
  };
}

async function main() {
  for (const service of SERVICES) {
    const healthy = await fetch(url(service, '/health')).then(
      (r) => r.ok,
      () => false,
    );
    if (!healthy)
      throw new Error(
        `${service} is not healthy at ${url(service, '/health')}: start the hub with npm start first`,
      );
  }
  const token = await issueDevelopmentToken(
    { sub: 'bench', roles: ['decision-maker'] },
    process.env.AUTH_DEV_SECRET ?? DEFAULT_AUTH_DEV_SECRET,
  );
  const before = await memory();
  const recorded: number[] = [];
  const ready: number[] = [];
  let next = 0;
  const started = Date.now();

  async function worker() {
    while (next < total) {
      const n = next++;
      const t0 = Date.now();
      const response = await fetch(url('intake', '/contacts'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(syntheticContact(n)),
      });
      if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
      const { contactId } = (await response.json()) as { contactId: string };
      recorded.push(Date.now() - t0);
      for (;;) {
        const view = await fetch(url('decision', `/contacts/${contactId}`), {
          headers: { authorization: `Bearer ${token}` },
        });
        if (view.ok && ((await view.json()) as { status: string }).status === 'ready-for-decision') break;
        if (Date.now() - t0 > 60_000)
          throw new Error(
            'a contact took over 60 s to become ready for decision: are the agency nodes running with AUTO_NO_TRACE=true (the npm start default)?',
          );
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      ready.push(Date.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - started) / 1000;
  const after = await memory();

  console.log(
    `\n${total} contacts, ${concurrency} at a time, ${elapsed.toFixed(1)} s: ${(total / elapsed).toFixed(1)} contacts/s to ready-for-decision`,
  );
  console.log(summary('POST /contacts answered', recorded));
  console.log(summary('submitted -> ready-for-decision', ready));
  console.log('\nresident memory (MiB)   before   after');
  for (const service of SERVICES) {
    console.log(
      `${service.padEnd(22)} ${before[service].toFixed(0).padStart(7)} ${after[service].toFixed(0).padStart(7)}`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
