import { Controller, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CalendarStatusView, CalendarYearQuery, CalendarYearView, Role, TicketType } from '@utility/shared';
import {
  CalendarDaySchema,
  DateParam,
  SlaPoliciesRequest,
  SlaPoliciesSchema,
  SlaPolicyRequest,
  SlaPolicySchema,
  SlaPolicyView,
  TicketTypeParam,
  parseCalendarDate,
} from '@utility/shared';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { StaffPrincipal } from '../common/principal';
import { ZodPipe, ApiZodBody, ZodBody } from '../common/zod-body';
import { CalendarDay } from './calendar-day.entity';
import { SlaService } from './sla.service';

/** The shared pattern lets 2026-02-30 through; saved, such a day would make every later deadline computation throw. */
// eslint-disable-next-line no-useless-assignment -- used in a parameter decorator, which the rule does not see (eslint/eslint#20947)
const CalendarDateParam = DateParam.refine((date) => {
  try {
    parseCalendarDate(date);
    return true;
  } catch {
    return false;
  }
}, '日期不存在');

/** Admin configuration of SLA clocks and the working calendar. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin')
export class SlaAdminController {
  constructor(private readonly sla: SlaService) {}

  @Get('sla-policies')
  @ApiOperation({ summary: 'The SLA table: per ticket type, optionally per utility, area class, district and channel' })
  listPolicies(): Promise<SlaPolicyView[]> {
    return this.sla.listPolicies();
  }

  @Put('sla-policies')
  @ApiOperation({
    summary:
      'Replace the whole SLA table (applies to tickets created or re-typed afterwards; running clocks keep their deadlines)',
  })
  @ApiZodBody(SlaPoliciesSchema)
  replacePolicies(
    @CurrentStaff() me: StaffPrincipal,
    @ZodBody(SlaPoliciesSchema) body: SlaPoliciesRequest,
  ): Promise<SlaPolicyView[]> {
    return this.sla.replacePolicies(me, body.policies);
  }

  @Put('sla-policies/:type')
  @ApiOperation({
    summary: "Replace a ticket type's default row (any district, any channel)",
  })
  @ApiZodBody(SlaPolicySchema)
  savePolicy(
    @CurrentStaff() me: StaffPrincipal,
    @Param('type', new ZodPipe(TicketTypeParam)) type: TicketType,
    @ZodBody(SlaPolicySchema) body: SlaPolicyRequest,
  ): Promise<SlaPolicyView> {
    return this.sla.savePolicy(me, { ticketType: type, clocks: body.clocks, atRiskRatio: body.atRiskRatio });
  }

  @Get('calendar')
  @ApiOperation({ summary: "A year's holidays and make-up working days (built-in data) and the operator's overrides" })
  @ApiQuery({ name: 'year', required: true, type: Number })
  calendarYear(
    @Query(new ZodPipe(CalendarYearQuery)) query: z.infer<typeof CalendarYearQuery>,
  ): Promise<CalendarYearView> {
    return this.sla.calendarYear(query.year);
  }

  @Get('calendar/status')
  @ApiOperation({ summary: "Whether next year's holidays are known; a warning for the admin page when not" })
  calendarStatus(): Promise<CalendarStatusView> {
    return this.sla.calendarStatus();
  }

  @Put('calendar/:date')
  @ApiOperation({ summary: 'Mark a date as working or not, overriding the built-in China calendar' })
  @ApiZodBody(CalendarDaySchema)
  saveCalendarDay(
    @CurrentStaff() me: StaffPrincipal,
    @Param('date', new ZodPipe(CalendarDateParam)) date: string,
    @ZodBody(CalendarDaySchema) body: z.infer<typeof CalendarDaySchema>,
  ): Promise<CalendarDay> {
    return this.sla.saveCalendarDay(me, { date, working: body.working, note: body.note });
  }
}
