import { Controller, Get, HttpCode, HttpStatus, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CancelInspectionPlanSchema,
  CreateInspectionPlanSchema,
  FieldInspectionView,
  HazardListQuerySchema,
  HazardStatus,
  HazardView,
  InspectionPlanView,
  InspectionResultSchema,
  InspectionResultView,
  Role,
  ShanghaiDate,
  UpdateInspectionPlanSchema,
} from '@utility/shared';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody, ZodPipe } from '../common/zod-body';
import { FieldInspectionsService } from './field-inspections.service';
import { HazardsService } from './hazards.service';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionResultsService } from './inspection-results.service';

const DateQuery = z.object({ date: ShanghaiDate });

/** Plans (supervisor, admin), the inspector's day and results, hazards of the district. */
@ApiTags('inspections')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api')
export class StaffInspectionsController {
  constructor(
    private readonly plans: InspectionPlansService,
    private readonly field: FieldInspectionsService,
    private readonly results: InspectionResultsService,
    private readonly hazards: HazardsService,
  ) {}

  @Get('staff/inspection-plans')
  @Roles(Role.Supervisor, Role.Admin)
  list(@CurrentStaff() me: StaffPrincipal): Promise<InspectionPlanView[]> {
    return this.plans.list(me);
  }

  @Post('staff/inspection-plans')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Create a plan: slots on the working days of the range, per half-day, with a capacity' })
  @ApiZodBody(CreateInspectionPlanSchema)
  create(
    @CurrentStaff() me: StaffPrincipal,
    @ZodBody(CreateInspectionPlanSchema) body: z.output<typeof CreateInspectionPlanSchema>,
  ): Promise<InspectionPlanView> {
    return this.plans.create(me, body);
  }

  @Patch('staff/inspection-plans/:id')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'Change the dates (days dropped: bookings cancelled, residents told) and/or the capacity per slot',
  })
  @ApiZodBody(UpdateInspectionPlanSchema)
  update(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(UpdateInspectionPlanSchema) body: z.output<typeof UpdateInspectionPlanSchema>,
  ): Promise<InspectionPlanView> {
    return this.plans.update(me, id, body);
  }

  @Post('staff/inspection-plans/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Cancel a plan: its bookings are cancelled and each resident told' })
  @ApiZodBody(CancelInspectionPlanSchema)
  cancel(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(CancelInspectionPlanSchema) body: { reason: string },
  ): Promise<InspectionPlanView> {
    return this.plans.cancel(me, id, body.reason);
  }

  @Get('field/inspections')
  @Roles(Role.Inspector, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'The day’s visits of my district (booked slots and open re-inspections), ordered by address',
  })
  day(
    @CurrentStaff() me: StaffPrincipal,
    @Query(new ZodPipe(DateQuery)) q: { date: string },
  ): Promise<FieldInspectionView[]> {
    return this.field.day(me, q.date);
  }

  @Post('field/inspections/:id/arrive')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Inspector, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      '到场: on site at the visit whose ticket id is :id, so the resident can confirm it in the app (result with in_app)',
  })
  arrive(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number): Promise<FieldInspectionView> {
    return this.results.arrive(me, id);
  }

  @Post('field/inspections/:id/result')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Inspector, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Record the checklist (or nobody home / refused) of the visit whose ticket id is :id' })
  @ApiZodBody(InspectionResultSchema)
  result(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(InspectionResultSchema) body: z.output<typeof InspectionResultSchema>,
  ): Promise<InspectionResultView> {
    return this.results.record(me, id, body);
  }

  @Get('staff/hazards')
  @Roles(Role.Inspector, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Hazards of my district (?status=open|closed)' })
  hazardList(
    @CurrentStaff() me: StaffPrincipal,
    @Query(new ZodPipe(HazardListQuerySchema)) q: { status?: HazardStatus },
  ): Promise<HazardView[]> {
    return this.hazards.forStaff(me, q.status);
  }
}
