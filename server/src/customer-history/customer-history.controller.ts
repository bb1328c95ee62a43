import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccountHistoryView, Role, StaffSearchQuery, StaffSearchQuerySchema, StaffSearchResult } from '@utility/shared';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { StaffPrincipal } from '../common/principal';
import { ZodPipe } from '../common/zod-body';
import { CustomerHistoryService } from './customer-history.service';

/** The desk roles that take calls and work tickets (admin passes every @Roles). */
const DESK_ROLES = [Role.Agent, Role.Dispatcher, Role.Supervisor];

@ApiTags('customer-history')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(...DESK_ROLES)
@Controller('api/staff')
export class CustomerHistoryController {
  constructor(private readonly history: CustomerHistoryService) {}

  @Get('search')
  @ApiOperation({
    summary:
      'Find a caller: 户号 (prefix), ticket number, phone (logged personal-data access) or address fragment → {accounts, tickets}',
  })
  @ApiQuery({ name: 'q', required: true, type: String })
  search(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodPipe(StaffSearchQuerySchema)) query: StaffSearchQuery,
  ): Promise<StaffSearchResult> {
    return this.history.search(staff, query.q);
  }

  @Get('accounts/:accountNo/history')
  @ApiOperation({
    summary:
      "An account's service history: the account (holder masked), open and past tickets, bills, payments, arrears, hazards, inspections, ratings, return visits",
  })
  accountHistory(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('accountNo') accountNo: string,
  ): Promise<AccountHistoryView> {
    return this.history.history(staff, accountNo);
  }
}
