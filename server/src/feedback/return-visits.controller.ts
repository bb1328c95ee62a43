import { Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DeclareDisasterRequest,
  DeclareDisasterSchema,
  ReturnVisitView,
  Role,
  VisitAttemptRequest,
  VisitAttemptSchema,
} from '@utility/shared';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { DisastersService } from './disasters.service';
import { ReturnVisitsService } from './return-visits.service';

const disasterView = (d: { id: number; startsAt: Date; endsAt: Date; districtId: number | null; note: string }) => ({
  id: d.id,
  startsAt: d.startsAt.toISOString(),
  endsAt: d.endsAt.toISOString(),
  districtId: d.districtId,
  note: d.note,
});

/** The return-visit queue and declared disasters. */
@ApiTags('feedback')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api')
export class ReturnVisitsController {
  constructor(
    private readonly visits: ReturnVisitsService,
    private readonly disasters: DisastersService,
  ) {}

  @Get('return-visits')
  @ApiOperation({ summary: 'Open return visits in your queues, earliest deadline first' })
  list(@CurrentStaff() staff: StaffPrincipal): Promise<ReturnVisitView[]> {
    return this.visits.list(staff);
  }

  @Get('return-visits/:id')
  @ApiOperation({ summary: 'A return visit by its task ticket id' })
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<ReturnVisitView> {
    return this.visits.get(staff, id);
  }

  @Post('return-visits/:id/attempts')
  @HttpCode(HttpStatus.CREATED)
  @Roles(Role.Agent, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Record a call (up to 3): reached, level and whether the problem is fixed; a bad outcome reopens the work or opens a complaint',
  })
  @ApiZodBody(VisitAttemptSchema)
  attempt(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(VisitAttemptSchema) body: VisitAttemptRequest,
  ): Promise<ReturnVisitView> {
    return this.visits.attempt(staff, id, body);
  }

  @Post('disasters')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      'Declare a disaster period (a supervisor for their district, an admin anywhere): field return visits are due in 48 h',
  })
  @ApiZodBody(DeclareDisasterSchema)
  async declare(@CurrentStaff() staff: StaffPrincipal, @ZodBody(DeclareDisasterSchema) body: DeclareDisasterRequest) {
    return disasterView(await this.disasters.declare(staff, body));
  }

  @Get('disasters')
  @ApiOperation({ summary: 'Declared disaster periods, latest first' })
  async list2(): Promise<ReturnType<typeof disasterView>[]> {
    return (await this.disasters.list()).map(disasterView);
  }
}
