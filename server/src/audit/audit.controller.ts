import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@utility/shared';
import { Roles, StaffGuard } from '../common/auth.guard';
import { PersonalDataAccessView, PersonalDataAudit } from './personal-data-audit.service';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin/personal-data-access')
export class AuditController {
  constructor(private readonly audit: PersonalDataAudit) {}

  @Get()
  @ApiOperation({ summary: 'Who saw unmasked personal data, newest first' })
  list(@Query('limit') limit?: string): Promise<PersonalDataAccessView[]> {
    const n = Math.min(Math.max(Number(limit) || 100, 1), 1000);
    return this.audit.recent(n);
  }
}
