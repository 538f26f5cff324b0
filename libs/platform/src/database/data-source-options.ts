import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

/** Each service owns one database; schema changes are migrations, never `synchronize` (DESIGN.md). */
export function postgresOptions(options: {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  applicationName: string;
}): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: options.applicationName,
    // A connection attempt to a database that is away fails within seconds (answered 503 and retried)
    // instead of holding the request.
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
