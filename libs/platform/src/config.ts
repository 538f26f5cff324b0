import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  validateSync,
  MinLength,
} from 'class-validator';

export class ConfigurationError extends Error {
  constructor(
    readonly variables: string[],
    detail: string,
  ) {
    super(`invalid configuration: ${detail}`);
    this.name = 'ConfigurationError';
  }
}

/** The variables every service reads. A service extends this with its own (STYLE.md: one validated class). */
export class ServiceConfig {
  @IsInt() @Min(1) @Max(65535) PORT!: number;
  @IsString() @MinLength(1) DATABASE_URL!: string;
  @IsString() @MinLength(1) AMQP_URL!: string;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string =
    'info';
  @IsOptional() @IsInt() @Min(1) @Max(1000) AMQP_PREFETCH: number = 10;
  @IsOptional() @IsInt() @Min(10) @Max(60_000) OUTBOX_POLL_MS: number = 200;
  /**
   * How long a message whose handling fails temporarily (the database away, a lock) or that waits for
   * what it refers to is retried, from its first failure, before it is dead-lettered. Hours.
   */
  @IsOptional() @IsNumber() @Min(0.001) @Max(720) RETRY_HORIZON_HOURS: number = 24;
  /** Development issuer secret (API.md: `npm run token`). Refused when NODE_ENV is production. */
  @IsOptional() @IsString() @MinLength(16) AUTH_DEV_SECRET?: string;
  /** An OpenID Connect issuer: tokens are verified against its JWKS. */
  @IsOptional() @IsString() AUTH_ISSUER?: string;
  @IsOptional() @IsUrl({ require_tld: false }) AUTH_JWKS_URL?: string;
  @IsOptional() @IsString() AUTH_AUDIENCE?: string;
  @IsOptional() @IsUrl({ require_tld: false }) OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  @IsOptional() @IsIn(['production', 'development', 'test']) NODE_ENV?: string;
  /** For an `amqps://` AMQP_URL: the CA that signed the broker's certificate (PEM), when not a public one. */
  @IsOptional() @IsString() AMQP_TLS_CA_FILE?: string;
  /** For a broker that authenticates clients by certificate: this node's certificate and key (PEM). */
  @IsOptional() @IsString() AMQP_TLS_CERT_FILE?: string;
  @IsOptional() @IsString() AMQP_TLS_KEY_FILE?: string;
  /** PEM Ed25519 private key: required by a service that publishes signed messages (the agency nodes). */
  @IsOptional() @IsString() MESSAGE_SIGNING_KEY_FILE?: string;
  /** JSON list of the agency keys this service trusts: required by a service that receives signed messages. */
  @IsOptional() @IsString() TRUSTED_SIGNING_KEYS_FILE?: string;
  /** Pages (libs/web): signs the session cookie; required in production, derived from AUTH_DEV_SECRET otherwise. */
  @IsOptional() @IsString() @MinLength(32) SESSION_SECRET?: string;
  /** Pages: this service's client at the OpenID Connect provider (AUTH_ISSUER), for the sign-in redirect. */
  @IsOptional() @IsString() OIDC_CLIENT_ID?: string;
  @IsOptional() @IsString() OIDC_CLIENT_SECRET?: string;
  /** Pages: the address people reach this service at (the sign-in callback is PUBLIC_URL/sign-in/callback). */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }) PUBLIC_URL?: string;
}

/** Reads and validates configuration; a wrong or missing variable stops start-up with its name. */
export function loadConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(
    schema,
    { ...env },
    { enableImplicitConversion: true, exposeDefaultValues: true },
  );
  const errors = validateSync(config, { whitelist: false });
  if (errors.length) {
    const names = errors.map((error) => error.property);
    const detail = errors
      .map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`)
      .join(', ');
    throw new ConfigurationError(names, detail);
  }
  const auth = config as unknown as ServiceConfig;
  if ('AUTH_DEV_SECRET' in auth && auth.AUTH_DEV_SECRET && auth.NODE_ENV === 'production') {
    throw new ConfigurationError(
      ['AUTH_DEV_SECRET'],
      'AUTH_DEV_SECRET: the development issuer is refused in production',
    );
  }
  return config;
}
