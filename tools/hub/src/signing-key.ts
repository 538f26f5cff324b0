import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AGENCIES, Agency, signingKeyId, TrustedSigningKey } from '@mash/contracts';

/**
 * `npm run signing-key -- --agency police --out police-checks.key.pem`: makes an agency node's Ed25519
 * signing key in the agency's own network, and prints the entry the hub adds to its trusted-key list
 * (the public half only). The private key never leaves the agency.
 */
function main() {
  const { values } = parseArgs({ options: { agency: { type: 'string' }, out: { type: 'string' } } });
  const agency = values.agency as Agency | undefined;
  if (!agency || !(AGENCIES as readonly string[]).includes(agency) || !values.out) {
    process.stderr.write(`usage: npm run signing-key -- --agency <${AGENCIES.join('|')}> --out <file.pem>\n`);
    process.exit(2);
  }
  if (existsSync(values.out)) {
    process.stderr.write(`${values.out} exists; choose another file (a key is never overwritten)\n`);
    process.exit(1);
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(values.out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const entry: TrustedSigningKey = {
    keyId: signingKeyId(privateKey),
    agency,
    publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  };
  process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
}

main();
