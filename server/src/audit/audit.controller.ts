import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Role } from '@utility/shared';
import { z } from 'zod';
import { Roles, StaffGuard } from '../common/auth.guard';
import { ZodPipe } from '../common/zod-body';
import { AdminAudit, AdminChangeView } from './admin-audit.service';
import { PersonalDataAccessView, PersonalDataAudit } from './personal-data-audit.service';

const AccessLogQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const AdminChangeQuery = AccessLogQuery.extend({
  subjectType: z.string().trim().min(1).max(32).optional(),
  subjectId: z.string().trim().min(1).max(64).optional(),
});

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin')
export class AuditController {
  constructor(
    private readonly access: PersonalDataAudit,
    private readonly changes: AdminAudit,
  ) {}

  @Get('personal-data-access')
  @ApiOperation({ summary: 'Who saw unmasked personal data, newest first' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–1000, default 100' })
  accessLog(
    @Query(new ZodPipe(AccessLogQuery)) query: z.infer<typeof AccessLogQuery>,
  ): Promise<PersonalDataAccessView[]> {
    return this.access.recent(query.limit);
  }

  @Get('audit')
  @ApiOperation({ summary: "Admins' changes (who, when, what, before and after), newest first" })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–1000, default 100' })
  @ApiQuery({ name: 'subjectType', required: false, type: String, description: 'e.g. staff, queue, account' })
  @ApiQuery({ name: 'subjectId', required: false, type: String })
  audit(@Query(new ZodPipe(AdminChangeQuery)) query: z.infer<typeof AdminChangeQuery>): Promise<AdminChangeView[]> {
    return this.changes.recent(query);
  }
}
