import { BaseRpcContext } from '@nestjs/microservices';
import type { ConsumeMessage } from 'amqplib';
import type { EntityManager } from 'typeorm';

type AmqpContextArgs = [ConsumeMessage, EntityManager, string];

/**
 * What a handler gets besides the validated message: the transaction its effects must be written in
 * (the message is acknowledged only after it commits) and the raw AMQP message.
 */
export class AmqpContext extends BaseRpcContext<AmqpContextArgs> {
  get message(): ConsumeMessage {
    return this.args[0];
  }
  /** The transaction shared with the inbox row: write every effect and outbox message through it. */
  get manager(): EntityManager {
    return this.args[1];
  }
  get queue(): string {
    return this.args[2];
  }
  get messageId(): string {
    return this.args[0].properties.messageId as string;
  }
  get correlationId(): string | undefined {
    return this.args[0].properties.correlationId as string | undefined;
  }
}
