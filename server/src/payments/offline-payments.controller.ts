import { Controller, Get, HttpStatus, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  BankDebitImportReport,
  CounterPaymentSchema,
  CounterPaymentView,
  ErrorCode,
  Role,
  ShanghaiDate,
} from '@utility/shared';
import { z } from 'zod';
import { AppError } from '../common/app-error';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { AcceptsImportFile, ImportBody, ImportFile } from '../common/import-body';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { OfflinePaymentsService } from './offline-payments.service';
import { DayTotals, ReconciliationService } from './reconciliation.service';

@ApiTags('payments')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/staff/payments')
export class OfflinePaymentsController {
  constructor(
    private readonly offline: OfflinePaymentsService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  @Post('counter')
  @Roles(Role.Agent)
  @ApiOperation({
    summary:
      'Billing staff record a counter payment (cash, POS, bank transfer) of a bill in their district, with the receipt number; the amount is what is due today (bill and late fee)',
    description:
      'The receipt number is the natural key: the same receipt for the same bill and amount answers the first record ' +
      '(`replayed: true`, nothing credited again); for another bill or amount 409 RECEIPT_NO_USED. 409 BILL_ALREADY_PAID ' +
      'when the bill was paid meanwhile (a WeChat payment won the race: nothing is recorded); 422 PAYMENT_AMOUNT_MISMATCH.',
  })
  @ApiZodBody(CounterPaymentSchema)
  counter(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(CounterPaymentSchema) body: z.infer<typeof CounterPaymentSchema>,
  ): Promise<CounterPaymentView> {
    return this.offline.recordCounter(staff, body);
  }

  @Post('bank-debit/import')
  @Roles(Role.Agent)
  @ApiOperation({
    summary:
      "Billing staff import the bank's auto-debit (代扣) result file: CSV serialNo,accountNo,period,amount,result,debitedOn,message",
    description:
      'Each successful line settles its bill once (a line imported again is counted in alreadyCredited); failed and ' +
      'unmatched lines are listed in failures with the reason. A debit for a bill already paid opens a billing ticket.',
  })
  @AcceptsImportFile('csv')
  async bankDebit(
    @CurrentStaff() staff: StaffPrincipal,
    @ImportFile() file: ImportBody,
  ): Promise<BankDebitImportReport> {
    const csv = await file.text();
    if (!csv.trim())
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '请上传 text/csv 格式的银行代扣结果文件');
    return this.offline.importBankDebit(staff, csv);
  }

  @Get('daily')
  @Roles(Role.Agent, Role.Supervisor)
  @ApiOperation({ summary: "A day's money by method (日结): WeChat Pay, cash, POS, bank transfer, bank debit" })
  @ApiQuery({ name: 'date', type: String })
  daily(@Query('date') date: string): Promise<DayTotals> {
    const day = ShanghaiDate.safeParse(date);
    if (!day.success) throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '日期格式应为YYYY-MM-DD');
    return this.reconciliation.dayTotals(day.data);
  }
}
