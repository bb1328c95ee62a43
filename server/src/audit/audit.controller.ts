import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Role } from '@utility/shared';
import { z } from 'zod';
import { Roles, StaffGuard } from '../common/auth.guard';
import { ZodPipe } from '../common/zod-body';
import { PersonalDataAccessView, PersonalDataAudit } from './personal-data-audit.service';

const AccessLogQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin/personal-data-access')
export class AuditController {
  constructor(private readonly audit: PersonalDataAudit) {}

  @Get()
  @ApiOperation({ summary: 'Who saw unmasked personal data, newest first' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–1000, default 100' })
  list(@Query(new ZodPipe(AccessLogQuery)) query: z.infer<typeof AccessLogQuery>): Promise<PersonalDataAccessView[]> {
    return this.audit.recent(query.limit);
  }
}
