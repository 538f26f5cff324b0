import { Controller, Get, HttpStatus, Injectable, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { RETRY_AFTER_SECONDS } from './problem-details';

/** A dependency that does not answer within this is reported down, so a probe never hangs. */
const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export interface HealthIndicator {
  name: string;
  isHealthy(): Promise<boolean> | boolean;
}

/** Services register what their health depends on (the broker connection registers itself). */
@Injectable()
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];
  register(indicator: HealthIndicator) {
    this.indicators.push(indicator);
  }
  all(): HealthIndicator[] {
    return this.indicators;
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when the database and broker connections are up, 503 otherwise' })
  async health(@Res() response: Response) {
    await this.ready(response);
  }

  /** The process is running and answering: an orchestrator restarts it only when this fails. */
  @Public()
  @Get('live')
  @ApiOperation({ summary: '200 while the process answers, whatever its database and broker are doing' })
  live(@Res() response: Response) {
    response.status(HttpStatus.OK).json({ status: 'up' });
  }

  /**
   * Whether the process can serve now: its database and broker connections are up. 503 lists what is
   * missing (`checks`), so an orchestrator sends it no traffic meanwhile, but does not restart it.
   */
  @Public()
  @Get('ready')
  @ApiOperation({ summary: '200 when the database and broker connections are up, 503 naming what is down' })
  async ready(@Res() response: Response) {
    const checks: Record<string, 'up' | 'down'> = {};
    checks.database = await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS)
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    for (const indicator of this.registry.all()) {
      checks[indicator.name] = (await withTimeout(
        Promise.resolve(indicator.isHealthy()),
        CHECK_TIMEOUT_MS,
      ).catch(() => false))
        ? 'up'
        : 'down';
    }
    const healthy = Object.values(checks).every((state) => state === 'up');
    if (!healthy) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: healthy ? 'up' : 'down',
      checks,
      ...(healthy ? {} : { missing: Object.keys(checks).filter((name) => checks[name] === 'down') }),
    });
  }
}
