import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { Clock, CLOCK, systemClock } from './clock';
import type { ServiceConfig } from './config';
import { HealthController, HealthRegistry } from './http/health';
import { ProblemDetailsFilter } from './http/problem-details';
import { HttpMetricsMiddleware, MetricsController } from './observability/metrics';
import { TracingMiddleware } from './observability/tracing.middleware';

export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface PlatformOptions {
  service: string;
  config: ServiceConfig;
  /** Tests pass a ManualClock; everything else gets the system clock. */
  clock?: Clock;
}

/** What every service has: auth, problem details, health, metrics, the clock and its configuration. */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        {
          provide: TokenVerifier,
          useFactory: () =>
            new TokenVerifier({
              devSecret: options.config.AUTH_DEV_SECRET,
              issuer: options.config.AUTH_ISSUER,
              jwksUrl: options.config.AUTH_JWKS_URL,
              audience: options.config.AUTH_AUDIENCE,
              maxTokenAgeSeconds: options.config.AUTH_MAX_TOKEN_AGE_SECONDS,
              clockToleranceSeconds: options.config.AUTH_CLOCK_TOLERANCE_SECONDS,
            }),
        },
        HealthRegistry,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [SERVICE_NAME, SERVICE_CONFIG, CLOCK, TokenVerifier, HealthRegistry],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(TracingMiddleware, HttpMetricsMiddleware).forRoutes('*');
  }
}
