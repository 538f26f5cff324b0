import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { AGENCIES, Agency } from './vocabulary';
import type { MessageType } from './message-types';
import { WireHeaders } from './wire';

/**
 * What an agency node says to the hub is signed by the node's own key (DESIGN.md, Security): its
 * responses, and its escalations, which raise a contact's RAG. The signature is
 * Ed25519 over `type \n message_id \n body`, the body exactly as published, and travels in two AMQP
 * headers, so a node written in any language can produce it. The receiving service knows each
 * agency's public key and which agency it speaks for.
 */
export const SIGNED_MESSAGE_TYPES: readonly MessageType[] = ['check.responded', 'check.escalated'];

export const SignatureHeaders = {
  Signature: WireHeaders.Signature,
  KeyId: WireHeaders.SigningKey,
} as const;

export function isSignedType(type: string): boolean {
  return (SIGNED_MESSAGE_TYPES as readonly string[]).includes(type);
}

function signingInput(type: string, messageId: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${type}\n${messageId}\n`, 'utf8'), body]);
}

/** A key's id: a fingerprint of its public half, so rotating a key changes its id. */
export function signingKeyId(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const fingerprint = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
  return `ed25519:${fingerprint.slice(0, 32)}`;
}

export function signMessage(privateKey: KeyObject, type: string, messageId: string, body: Buffer): string {
  return sign(null, signingInput(type, messageId, body), privateKey).toString('base64url');
}

export interface TrustedSigningKey {
  keyId: string;
  /** The agency this key speaks for: a response signed with it must be that agency's. */
  agency: Agency;
  /** SPKI PEM. */
  publicKey: string;
}

export type SignatureCheck = { ok: true; agency: Agency } | { ok: false; reason: string };

/** Verifies a received message's signature against the keys the receiver trusts. */
export class SignatureVerifier {
  private readonly keys = new Map<string, { agency: Agency; key: KeyObject }>();

  constructor(trusted: readonly TrustedSigningKey[]) {
    for (const entry of trusted) {
      if (!(AGENCIES as readonly string[]).includes(entry.agency))
        throw new Error(`trusted key ${entry.keyId}: unknown agency`);
      const key = createPublicKey(entry.publicKey);
      if (signingKeyId(key) !== entry.keyId)
        throw new Error(`trusted key ${entry.keyId}: id does not match the key`);
      this.keys.set(entry.keyId, { agency: entry.agency, key });
    }
  }

  check(
    type: string,
    messageId: string,
    body: Buffer,
    headers: Record<string, unknown> | undefined,
    claimedAgency: unknown,
  ): SignatureCheck {
    const signature = headerText(headers?.[SignatureHeaders.Signature]);
    const keyId = headerText(headers?.[SignatureHeaders.KeyId]);
    if (!signature || !keyId) return { ok: false, reason: `${type} is not signed` };
    const trusted = this.keys.get(keyId);
    if (!trusted) return { ok: false, reason: `${type} is signed with an unknown key ${keyId}` };
    let valid = false;
    try {
      valid = verify(
        null,
        signingInput(type, messageId, body),
        trusted.key,
        Buffer.from(signature, 'base64url'),
      );
    } catch {
      valid = false;
    }
    if (!valid) return { ok: false, reason: `${type} signature does not verify with key ${keyId}` };
    if (claimedAgency !== trusted.agency) {
      return {
        ok: false,
        reason: `key ${keyId} speaks for ${trusted.agency}, not for the agency the message names`,
      };
    }
    return { ok: true, agency: trusted.agency };
  }
}

function headerText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}
