import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '@app/temporal';
import { Public } from '../auth/auth.decorators';

type Check = { status: 'up' } | { status: 'down'; error: string };

const TIMEOUT_MS = 2000;

async function check(probe: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (err) {
    return { status: 'down', error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  /** Temporal and Postgres are checked separately, so an operator sees which one is down. */
  @Public()
  @Get()
  @ApiOperation({
    summary: 'Whether Temporal and PostgreSQL answer: 200 when both do, 503 when either is down',
  })
  async health(@Res({ passthrough: true }) res: Response) {
    const [temporal, postgres] = await Promise.all([
      check(() => this.client.workflowService.getSystemInfo({})),
      check(() => this.ds.query('SELECT 1')),
    ]);
    const up = temporal.status === 'up' && postgres.status === 'up';
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: up ? 'up' : 'down', checks: { temporal, postgres } };
  }
}
