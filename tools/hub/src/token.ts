import { parseArgs } from 'node:util';
import { AGENCIES, STAFF_ROLES } from '@mash/contracts';
import { issueDevelopmentToken } from '@mash/platform';
import { DEFAULT_AUTH_DEV_SECRET } from './provisioning/options';

/**
 * `npm run token -- --role decision-maker [--agency police] [--name "A Person"] [--sub id]`: prints a
 * development-issuer token (and nothing else) that services accept when run with the same AUTH_DEV_SECRET.
 */
const USAGE = `usage: npm run -s token -- --role <role> [--agency <agency>] [--name "A Person"] [--sub <id>] [--expires-in 8h]
roles: ${STAFF_ROLES.join(', ')}
agencies (required for agency-practitioner): ${AGENCIES.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string', multiple: true },
        agency: { type: 'string' },
        name: { type: 'string' },
        sub: { type: 'string' },
        'expires-in': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const roles = values.role ?? [];
  if (!roles.length) fail('--role is required');
  for (const role of roles) {
    if (!(STAFF_ROLES as readonly string[]).includes(role)) fail(`unknown role: ${role}`);
  }
  const agency = values.agency;
  if (agency !== undefined && !(AGENCIES as readonly string[]).includes(agency))
    fail(`unknown agency: ${agency}`);
  if (roles.includes('agency-practitioner') && !agency) fail('--agency is required for agency-practitioner');

  const secret = process.env.AUTH_DEV_SECRET ?? DEFAULT_AUTH_DEV_SECRET;
  const token = await issueDevelopmentToken(
    { roles, agency, name: values.name, sub: values.sub },
    secret,
    values['expires-in'],
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  process.stderr.write(`token failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
