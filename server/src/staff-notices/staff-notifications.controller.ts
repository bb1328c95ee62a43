import { Controller, Get, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffNotificationView } from '@utility/shared';
import { z } from 'zod';
import { CurrentStaff, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ZodPipe } from '../common/zod-body';
import { StaffNotices } from './staff-notices.service';

const NotificationQuery = z.object({ unread: z.enum(['true', 'false']).optional() });

/** The notification centre: every staff member sees their own only. */
@ApiTags('staff')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/staff/notifications')
export class StaffNotificationsController {
  constructor(private readonly notices: StaffNotices) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications, newest first; `unread=true` for the unread ones only (the badge)' })
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodPipe(NotificationQuery)) query: z.infer<typeof NotificationQuery>,
  ): Promise<StaffNotificationView[]> {
    return this.notices.list(staff.id, query.unread === 'true');
  }

  @Post(':id/read')
  @ApiOperation({ summary: 'Mark one of your notifications read (again: no change); 404 for one that is not yours' })
  read(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<StaffNotificationView> {
    return this.notices.markRead(staff.id, id);
  }
}
