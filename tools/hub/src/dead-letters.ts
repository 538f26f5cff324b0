import * as amqp from 'amqplib';
import { parseArgs } from 'node:util';
import { WireHeaders, deadLetterQueueName } from '@mash/contracts';
import { deadLetterQueues } from '@mash/contracts';
import { adminAmqpUrlFor, errorMessage, resolveProvisionOptions } from './provisioning';

/**
 * Operator's view of dead letters (README, Reliability):
 *   npm run dead-letters -- list [queue]      count, and each message's id, type, contact id and reason
 *   npm run dead-letters -- replay <queue>    move them back to <queue>, their retry count reset
 * Bodies are never printed: they hold children's personal data.
 */
const USAGE = `usage: npm run dead-letters -- list [queue] [--vhost <vhost>] [--max <n>]
       npm run dead-letters -- replay <queue> [--vhost <vhost>]
queues: ${deadLetterQueues()
  .map((entry) => entry.queue)
  .join(', ')}`;

/** Accepts a consumer queue name or its dead-letter queue's name; answers the consumer queue. */
export function consumerQueueOf(name: string): string {
  const entry = deadLetterQueues().find((candidate) =>
    [candidate.queue, candidate.deadLetterQueue].includes(name),
  );
  if (!entry) throw new Error(`unknown queue: ${name}\n${USAGE}`);
  return entry.queue;
}

/** Header values as printable text; amqplib may hand back strings, numbers or buffers. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '-';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

/** Why the message was dead-lettered: the consumer's reason, or the broker's (e.g. delivery limit). */
export function failureReason(headers: amqp.MessagePropertyHeaders | undefined): string {
  const reason = headers?.[WireHeaders.FailureReason];
  if (reason !== undefined) return text(reason);
  const broker = headers?.['x-first-death-reason'];
  return broker !== undefined ? `(broker: ${text(broker)})` : '-';
}

export interface DeadLetterSummary {
  queue: string;
  deadLetterQueue: string;
  count: number;
  messages: { messageId: string; type: string; correlationId: string; reason: string }[];
}

/**
 * Reads a dead-letter queue without removing anything: every message is fetched unacknowledged and
 * returned to the queue when the channel closes. (On RabbitMQ 4, where quorum queues get a default
 * delivery limit of 20, very frequent listing would count against it; 3.10 to 3.13 have no such limit.)
 */
export async function listDeadLetters(
  connection: amqp.ChannelModel,
  queue: string,
  max = 1000,
): Promise<DeadLetterSummary> {
  const deadLetterQueue = deadLetterQueueName(queue);
  const channel = await connection.createChannel();
  const messages: DeadLetterSummary['messages'] = [];
  let count = 0;
  try {
    count = (await channel.checkQueue(deadLetterQueue)).messageCount;
    while (messages.length < Math.min(count, max)) {
      const message = await channel.get(deadLetterQueue, { noAck: false });
      if (!message) break;
      messages.push({
        messageId: text(message.properties.messageId),
        type: text(message.properties.type),
        correlationId: text(message.properties.correlationId),
        reason: failureReason(message.properties.headers),
      });
    }
    channel.nackAll(true);
  } finally {
    // Closing the channel returns every fetched message to the queue, untouched.
    await channel.close().catch(() => undefined);
  }
  await untilReady(connection, deadLetterQueue, messages.length);
  return { queue, deadLetterQueue, count, messages };
}

/** A quorum queue takes back returned messages asynchronously; wait (briefly) until they are ready again. */
async function untilReady(connection: amqp.ChannelModel, queue: string, count: number): Promise<void> {
  const channel = await connection.createChannel();
  try {
    const deadline = Date.now() + 5_000;
    while ((await channel.checkQueue(queue)).messageCount < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await channel.close().catch(() => undefined);
  }
}

/** Headers the broker or the retry machinery owns; a replayed message starts afresh without them. */
const RESET_HEADERS = [WireHeaders.Attempt, 'x-delivery-count'];

/**
 * Moves every message now in `<queue>.dead-letter` back to `<queue>`: republished through the default
 * exchange with the same properties (bar the attempt count), confirmed by the broker, then acknowledged.
 * A crash in between leaves the message in both queues, never in neither; consumers are idempotent.
 */
export async function replayDeadLetters(
  connection: amqp.ChannelModel,
  queue: string,
  /** The operator's broker user (the connection's): the consumer then believes the x-mash-sender header. */
  userId: string,
): Promise<number> {
  const deadLetterQueue = deadLetterQueueName(queue);
  const channel = await connection.createConfirmChannel();
  try {
    await channel.checkQueue(queue);
    const { messageCount } = await channel.checkQueue(deadLetterQueue);
    let moved = 0;
    // Only what is there now: a message that fails again while we replay waits for the next replay.
    while (moved < messageCount) {
      const message = await channel.get(deadLetterQueue, { noAck: false });
      if (!message) break;
      const headers = { ...(message.properties.headers ?? {}) };
      for (const header of RESET_HEADERS) delete headers[header];
      const properties = message.properties;
      await new Promise<void>((resolve, reject) =>
        channel.publish(
          '',
          queue,
          message.content,
          {
            messageId: properties.messageId,
            type: properties.type,
            correlationId: properties.correlationId,
            timestamp: properties.timestamp,
            contentType: properties.contentType,
            contentEncoding: properties.contentEncoding,
            appId: properties.appId,
            userId,
            persistent: true,
            headers,
          },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
      channel.ack(message);
      moved += 1;
    }
    await channel.waitForConfirms();
    return moved;
  } finally {
    await channel.close().catch(() => undefined);
  }
}

function printSummary(summary: DeadLetterSummary): void {
  console.log(`${summary.deadLetterQueue}: ${summary.count} message${summary.count === 1 ? '' : 's'}`);
  if (!summary.messages.length) return;
  const rows = summary.messages.map((m) => [m.messageId, m.type, m.correlationId, m.reason]);
  const header = ['message id', 'type', 'correlation id', 'reason'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (column === 3 ? 0 : row[column].length))),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => (column === 3 ? cell : cell.padEnd(widths[column]))).join('  ')}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  if (summary.count > summary.messages.length) {
    console.log(`  ... and ${summary.count - summary.messages.length} more`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      vhost: { type: 'string' },
      max: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, queueName] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const options = resolveProvisionOptions(values.vhost ? { vhost: values.vhost } : {});
  const adminUrl = adminAmqpUrlFor(options.amqpAdminUrl, options.vhost);
  const connection = await amqp.connect(adminUrl);
  connection.on('error', () => undefined);
  try {
    if (command === 'list') {
      const queues = queueName
        ? [consumerQueueOf(queueName)]
        : deadLetterQueues().map((entry) => entry.queue);
      const max = values.max ? Number(values.max) : 1000;
      for (const queue of queues) printSummary(await listDeadLetters(connection, queue, max));
    } else if (command === 'replay') {
      if (!queueName) throw new Error(`replay needs a queue\n${USAGE}`);
      const queue = consumerQueueOf(queueName);
      const moved = await replayDeadLetters(
        connection,
        queue,
        decodeURIComponent(new URL(adminUrl).username) || 'guest',
      );
      console.log(
        `replayed ${moved} message${moved === 1 ? '' : 's'} from ${deadLetterQueueName(queue)} to ${queue}`,
      );
    } else {
      throw new Error(`unknown command: ${command}\n${USAGE}`);
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`dead-letters failed: ${errorMessage(error)}`);
    process.exit(1);
  });
}
