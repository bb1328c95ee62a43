import { Controller, Get, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Role,
  RosterStaffView,
  RotaQuerySchema,
  ShiftPatchSchema,
  ShiftRequest,
  ShiftSchema,
  ShiftView,
} from '@utility/shared';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { Clock } from '../common/clock';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody, ZodPipe } from '../common/zod-body';
import { RotaService } from './rota.service';

const DAY_MS = 86_400_000;

/** The duty roster (值班表): shifts per district and role with the staff on each. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin/rota')
export class RotaAdminController {
  constructor(
    private readonly rota: RotaService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Shifts overlapping [from, to) (default: from a day ago to a week ahead; at most 62 days)' })
  @ApiQuery({ name: 'from', required: false, type: String })
  @ApiQuery({ name: 'to', required: false, type: String })
  @ApiQuery({ name: 'districtId', required: false, type: Number })
  list(@Query(new ZodPipe(RotaQuerySchema)) query: z.infer<typeof RotaQuerySchema>): Promise<ShiftView[]> {
    const now = this.clock.now().getTime();
    const from = query.from ? new Date(query.from) : new Date(now - DAY_MS);
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 8 * DAY_MS);
    return this.rota.list({ from, to, districtId: query.districtId });
  }

  @Get('staff')
  @ApiOperation({ summary: 'Active staff, for the roster and queue-member pickers' })
  staff(): Promise<RosterStaffView[]> {
    return this.rota.directory();
  }

  @Post()
  @ApiOperation({ summary: 'Add a shift (UTC times, end exclusive)' })
  @ApiZodBody(ShiftSchema)
  create(@CurrentStaff() me: StaffPrincipal, @ZodBody(ShiftSchema) body: z.output<typeof ShiftSchema>) {
    return this.rota.create(me, body);
  }

  @Patch(':id')
  @ApiZodBody(ShiftPatchSchema)
  update(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(ShiftPatchSchema) body: Partial<ShiftRequest>,
  ) {
    return this.rota.update(me, id, body);
  }
}
