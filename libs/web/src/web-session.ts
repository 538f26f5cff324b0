import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import { Pool } from 'pg';
import type { ServiceConfig } from '@mash/platform';

/** A signed-in person's session lasts a working day; it ends sooner when they sign out. */
const SESSION_HOURS = 10;

/**
 * Server-side sessions in the service's own database (table `web_session`, created by the kit's
 * migration), so answers in progress survive a restart and the cookie carries only a signed id.
 * The cookie is HttpOnly, SameSite=Lax, and Secure in production.
 */
export function createSessionMiddleware(
  service: string,
  config: ServiceConfig,
  onStoreError: (error: unknown) => void,
): { middleware: RequestHandler; close: () => Promise<void> } {
  const pool = new Pool({
    connectionString: config.DATABASE_URL,
    max: 4,
    application_name: `${service}-sessions`,
  });
  pool.on('error', onStoreError);
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool,
    tableName: 'web_session',
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
    errorLog: onStoreError,
  });
  const middleware = session({
    name: `mash.${service}.sid`,
    secret: sessionSecret(config),
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.NODE_ENV === 'production',
      maxAge: SESSION_HOURS * 60 * 60 * 1000,
    },
  });
  return {
    middleware,
    close: async () => {
      store.close();
      await pool.end().catch(() => undefined);
    },
  };
}

/**
 * SESSION_SECRET, or in development one derived from the development issuer's secret (so `npm start`
 * needs no extra setting). Production without SESSION_SECRET does not start.
 */
export function sessionSecret(config: ServiceConfig): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.NODE_ENV !== 'production' && config.AUTH_DEV_SECRET) {
    return createHash('sha256').update(`mash-session:${config.AUTH_DEV_SECRET}`).digest('hex');
  }
  throw new Error('SESSION_SECRET is required for a service that serves pages');
}
