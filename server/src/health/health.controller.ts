import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@utility/shared';
import { AppError } from '../common/app-error';
import { Db } from '../common/db';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly db: Db) {}

  @Get('healthz')
  @ApiOperation({ summary: 'The process is up' })
  health() {
    return { status: 'ok' };
  }

  @Get('readyz')
  @ApiOperation({ summary: 'The database answers: 200, else 503' })
  async ready() {
    try {
      await this.db.dataSource.query('SELECT 1');
      return { status: 'ready' };
    } catch {
      throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.NotReady);
    }
  }
}
