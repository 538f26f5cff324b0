import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCIES, agencyService, ServiceName, signingKeyId, TrustedSigningKey } from '@mash/contracts';
import type { ProvisionOptions } from './options';

/** Where a service's signing key, and the hub's list of trusted agency keys, are kept. */
export function signingKeyFile(keysDir: string, service: ServiceName): string {
  return join(keysDir, `${service}.key.pem`);
}
export function trustedKeysFile(keysDir: string): string {
  return join(keysDir, 'trusted-agency-keys.json');
}

/**
 * Development signing keys: one Ed25519 key per agency node, made once and kept, and the list of their
 * public keys the decision service trusts. In a real deployment each agency makes its own key in its own
 * network and gives the hub only the public half (docs/deploying-an-agency-node.md).
 */
export function ensureSigningKeys(options: Pick<ProvisionOptions, 'keysDir' | 'log'>): void {
  mkdirSync(options.keysDir, { recursive: true, mode: 0o700 });
  const trusted: TrustedSigningKey[] = [];
  for (const agency of AGENCIES) {
    const file = signingKeyFile(options.keysDir, agencyService(agency));
    if (!existsSync(file)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      options.log(`signing key: made ${agencyService(agency)}'s`);
    }
    const publicKey = createPublicKey(readFileSync(file));
    trusted.push({
      keyId: signingKeyId(publicKey),
      agency,
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
  }
  writeFileSync(trustedKeysFile(options.keysDir), JSON.stringify({ keys: trusted }, null, 2) + '\n');
}
