import * as amqp from 'amqplib';
import { SERVICES, brokerPermissions } from '@mash/contracts';
import { ManagementApi } from './management-api';
import { ProvisionOptions, brokerUser } from './options';
import { QueueDeclaration, topologyPlan } from '@mash/contracts';

/** The admin's AMQP URL on the given vhost. */
export function adminAmqpUrlFor(amqpAdminUrl: string, vhost: string): string {
  const url = new URL(amqpAdminUrl);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return url.toString();
}

/**
 * The vhost, one broker user per service (named as the service, no tags) with least-privilege
 * permissions on the vhost, and full permissions for the admin. Idempotent: PUT creates or updates.
 */
export async function provisionBroker(options: ProvisionOptions): Promise<void> {
  const api = new ManagementApi(options.managementUrl);
  const vhost = encodeURIComponent(options.vhost);
  if (options.reset) {
    const { status } = await api.request('DELETE', `/vhosts/${vhost}`, undefined, [404]);
    if (status !== 404) options.log(`broker: deleted vhost ${options.vhost}`);
  }
  await api.request('PUT', `/vhosts/${vhost}`, { description: 'MASH Hub', tracing: false });
  await api.request('PUT', `/permissions/${vhost}/${encodeURIComponent(api.adminUser)}`, {
    configure: '.*',
    write: '.*',
    read: '.*',
  });
  for (const service of SERVICES) {
    const user = encodeURIComponent(brokerUser(service));
    await api.request('PUT', `/users/${user}`, { password: options.brokerPasswords[service], tags: '' });
    await api.request('PUT', `/permissions/${vhost}/${user}`, brokerPermissions(service));
  }
  options.log(`broker: vhost ${options.vhost}, ${SERVICES.length} service users and their permissions`);
}

/** amqplib rejects with the channel-close code; 406 is PRECONDITION_FAILED (declared differently before). */
function isPreconditionFailed(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === 406;
}

class TopologyChannel {
  private channel?: amqp.Channel;

  constructor(private readonly connection: amqp.ChannelModel) {}

  /** A channel closes on any error; open a fresh one when needed. */
  async get(): Promise<amqp.Channel> {
    if (!this.channel) {
      const channel = await this.connection.createChannel();
      channel.on('error', () => undefined);
      channel.on('close', () => {
        if (this.channel === channel) this.channel = undefined;
      });
      this.channel = channel;
    }
    return this.channel;
  }

  forget(): void {
    this.channel = undefined;
  }
}

/**
 * Declares every exchange, queue and binding of topologyPlan() as the admin. Re-running it changes
 * nothing. If a queue exists with other arguments (the contract changed), it is recreated when empty;
 * a queue still holding messages is never deleted: provisioning stops and says so.
 */
export async function declareTopology(options: ProvisionOptions): Promise<void> {
  const plan = topologyPlan();
  const connection = await amqp.connect(adminAmqpUrlFor(options.amqpAdminUrl, options.vhost));
  connection.on('error', () => undefined);
  const channels = new TopologyChannel(connection);
  try {
    for (const exchange of plan.exchanges) {
      try {
        await (await channels.get()).assertExchange(exchange.name, exchange.type, { durable: true });
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
        channels.forget();
        options.log(`broker: exchange ${exchange.name} was declared differently; recreating it`);
        const channel = await channels.get();
        await channel.deleteExchange(exchange.name);
        await channel.assertExchange(exchange.name, exchange.type, { durable: true });
      }
    }
    for (const queue of plan.queues) await declareQueue(channels, queue, options);
    for (const queue of plan.queues) {
      for (const binding of queue.bindings) {
        await (await channels.get()).bindQueue(queue.name, binding.exchange, binding.routingKey);
      }
    }
    options.log(
      `broker: topology on ${options.vhost}: ${plan.exchanges.length} exchanges, ${plan.queues.length} queues`,
    );
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function declareQueue(channels: TopologyChannel, queue: QueueDeclaration, options: ProvisionOptions) {
  const declare = async () =>
    (await channels.get()).assertQueue(queue.name, { durable: true, arguments: queue.arguments });
  try {
    await declare();
  } catch (error) {
    if (!isPreconditionFailed(error)) throw error;
    channels.forget();
    const { messageCount } = await (await channels.get()).checkQueue(queue.name);
    if (messageCount > 0) {
      throw new Error(
        `queue ${queue.name} on vhost ${options.vhost} exists with other arguments and holds ` +
          `${messageCount} messages; drain it (or provision with reset) before changing its arguments`,
      );
    }
    options.log(`broker: queue ${queue.name} was declared with other arguments and is empty; recreating it`);
    await (await channels.get()).deleteQueue(queue.name);
    await declare();
  }
}
