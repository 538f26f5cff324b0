import { readFileSync } from 'node:fs';
import { createPrivateKey, KeyObject } from 'node:crypto';
import {
  isSignedType,
  PUBLICATIONS,
  ServiceName,
  SignatureHeaders,
  SignatureVerifier,
  signingKeyId,
  signMessage,
  TrustedSigningKey,
  ConsumerQueue,
} from '@mash/contracts';
import { ConfigurationError, ServiceConfig } from '@mash/platform';

/** Signs the messages of the signed types this service publishes, with the service's own key. */
export class MessageSigner {
  readonly keyId: string;
  constructor(private readonly privateKey: KeyObject) {
    this.keyId = signingKeyId(privateKey);
  }

  headersFor(type: string, messageId: string, body: Buffer): Record<string, string> {
    if (!isSignedType(type)) return {};
    return {
      [SignatureHeaders.Signature]: signMessage(this.privateKey, type, messageId, body),
      [SignatureHeaders.KeyId]: this.keyId,
    };
  }
}

/** A service that publishes a signed type must have its key; one that does not is not given one. */
export function loadMessageSigner(service: ServiceName, config: ServiceConfig): MessageSigner | undefined {
  if (!PUBLICATIONS[service].some(isSignedType)) return undefined;
  if (!config.MESSAGE_SIGNING_KEY_FILE) {
    throw new ConfigurationError(
      ['MESSAGE_SIGNING_KEY_FILE'],
      `MESSAGE_SIGNING_KEY_FILE: ${service} signs its responses and needs its Ed25519 private key`,
    );
  }
  try {
    return new MessageSigner(createPrivateKey(readFileSync(config.MESSAGE_SIGNING_KEY_FILE)));
  } catch (error) {
    throw new ConfigurationError(
      ['MESSAGE_SIGNING_KEY_FILE'],
      `MESSAGE_SIGNING_KEY_FILE: cannot read an Ed25519 private key (${error instanceof Error ? error.name : 'error'})`,
    );
  }
}

/** A service that receives a signed type must know whose keys to trust. */
export function loadSignatureVerifier(
  queue: ConsumerQueue,
  config: ServiceConfig,
): SignatureVerifier | undefined {
  if (!queue.accepts.some(isSignedType)) return undefined;
  if (!config.TRUSTED_SIGNING_KEYS_FILE) {
    throw new ConfigurationError(
      ['TRUSTED_SIGNING_KEYS_FILE'],
      `TRUSTED_SIGNING_KEYS_FILE: ${queue.owner} verifies agency responses and needs the agencies' public keys`,
    );
  }
  try {
    const trusted = JSON.parse(readFileSync(config.TRUSTED_SIGNING_KEYS_FILE, 'utf8')) as {
      keys: TrustedSigningKey[];
    };
    return new SignatureVerifier(trusted.keys);
  } catch (error) {
    throw new ConfigurationError(
      ['TRUSTED_SIGNING_KEYS_FILE'],
      `TRUSTED_SIGNING_KEYS_FILE: ${error instanceof Error ? error.message : 'cannot be read'}`,
    );
  }
}
