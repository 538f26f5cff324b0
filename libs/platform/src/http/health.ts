import { Controller, Get, HttpStatus, Injectable, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';

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
    const checks: Record<string, 'up' | 'down'> = {};
    checks.database = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    for (const indicator of this.registry.all()) {
      checks[indicator.name] = (await Promise.resolve(indicator.isHealthy()).catch(() => false))
        ? 'up'
        : 'down';
    }
    const healthy = Object.values(checks).every((state) => state === 'up');
    response
      .status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: healthy ? 'up' : 'down', checks });
  }
}
