import { parseArgs } from 'node:util';
import { errorMessage, provision } from './provisioning';

const USAGE = `usage: node tools/hub/dist/provision.js [--reset] [--no-demo-data] [--vhost <name>] [--db-prefix <prefix>]

Creates (or brings up to date) the hub's RabbitMQ vhost, broker users, permissions and topology, one
PostgreSQL role and database per service, runs every migration and loads deploy/demo-data.
--reset drops the databases and deletes the vhost first: everything in them is lost.
Environment: MASH_VHOST, MASH_DB_PREFIX, RABBITMQ_MANAGEMENT_URL, RABBITMQ_ADMIN_URL, PG_ADMIN_URL,
PG_HOST, PG_PORT, AMQP_HOST, AMQP_PORT, BROKER_PASSWORD_<SERVICE>, DB_PASSWORD_<SERVICE>, AUTH_DEV_SECRET.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      'no-demo-data': { type: 'boolean', default: false },
      vhost: { type: 'string' },
      'db-prefix': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const options = await provision({
    reset: values.reset,
    demoData: !values['no-demo-data'],
    ...(values.vhost ? { vhost: values.vhost } : {}),
    ...(values['db-prefix'] ? { dbPrefix: values['db-prefix'] } : {}),
  });
  console.log(
    `provisioned vhost ${options.vhost} and databases ${options.dbPrefix}_* in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((error) => {
  console.error(`provisioning failed: ${errorMessage(error)}`);
  process.exit(1);
});
