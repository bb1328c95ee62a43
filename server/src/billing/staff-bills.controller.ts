import { Controller, HttpCode, HttpStatus, Get, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { BillView, ErrorCode, LateFeeWaiverSchema, Role } from '@utility/shared';
import { z } from 'zod';
import { AccountsService } from '../accounts/accounts.service';
import { AppError, forbidden } from '../common/app-error';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { coversDistrict } from '../common/staff-permissions';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { BillsService } from './bills.service';

/** Billing staff look up an account's bills (counter payments) and supervisors waive late fees. */
@ApiTags('billing')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/staff/bills')
export class StaffBillsController {
  constructor(
    private readonly bills: BillsService,
    private readonly accounts: AccountsService,
  ) {}

  @Get()
  @Roles(Role.Agent, Role.Supervisor)
  @ApiOperation({
    summary: "An account's bills in the staff member's district, unpaid first, with the late fee due today",
  })
  @ApiQuery({ name: 'accountNo', type: String })
  async list(@CurrentStaff() staff: StaffPrincipal, @Query('accountNo') accountNo: string): Promise<BillView[]> {
    const account = /^\d{10}$/.test(accountNo ?? '') ? await this.accounts.findByNo(accountNo) : null;
    if (!account) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.AccountNotFound);
    if (!coversDistrict(staff, account.districtId)) throw forbidden();
    return this.bills.listForAccount(account.id);
  }

  @Post(':id/late-fee-waiver')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Supervisor)
  @ApiOperation({
    summary: "A supervisor waives an unpaid bill's late fee (滞纳金) with a reason (docs/domain.md#arrears)",
    description: '422 LATE_FEE_NOT_DUE when the bill carries no late fee today; 409 BILL_ALREADY_PAID once paid.',
  })
  @ApiZodBody(LateFeeWaiverSchema)
  async waive(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(LateFeeWaiverSchema) body: z.infer<typeof LateFeeWaiverSchema>,
  ): Promise<BillView> {
    const bill = await this.bills.find(id);
    const account = await this.accounts.findById(bill.accountId);
    if (!account || !coversDistrict(staff, account.districtId)) throw forbidden();
    return this.bills.view(await this.bills.waiveLateFee(id, staff.id, body.reason));
  }
}
