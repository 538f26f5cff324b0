/**
 * The wire format (DESIGN.md, Messages): AMQP properties plus a JSON body, nothing framework-specific,
 * so an agency can build its node in any language.
 */
export const WireHeaders = {
  SchemaVersion: 'schema-version',
  TraceParent: 'traceparent',
  TraceState: 'tracestate',
  /** How many times this message has been retried after a failure. */
  Attempt: 'x-mash-attempt',
  /** Set on a dead-lettered message: why it could not be handled. */
  FailureReason: 'x-mash-failure-reason',
  FailedQueue: 'x-mash-failed-queue',
  FailedAt: 'x-mash-failed-at',
  /**
   * Set by a receiver when it parks a message for a retry or dead-letters it (then publishing as itself):
   * the broker user that first sent it, so the sender check still holds when the message comes back.
   */
  Sender: 'x-mash-sender',
  /** Set on a signed message type (message-signature.ts): Ed25519 over `type \n message_id \n body`, base64url. */
  Signature: 'x-mash-signature',
  /** The id of the key that made x-mash-signature: `ed25519:` and a fingerprint of its public key. */
  SigningKey: 'x-mash-signing-key',
} as const;

export const CONTENT_TYPE = 'application/json';

/** The AMQP basic properties every message carries. */
export interface WireProperties {
  messageId: string;
  type: string;
  /** The contact id the message is about. */
  correlationId: string;
  /** Seconds since the epoch, as AMQP defines it. */
  timestamp: number;
  contentType: typeof CONTENT_TYPE;
  deliveryMode: 2;
  headers: Record<string, string | number>;
}
