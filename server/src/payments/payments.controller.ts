import { Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PayByAccountView, PayResponse, PaymentView } from '@utility/shared';
import { notFound } from '../common/app-error';
import { BillsService } from '../billing/bills.service';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { PayByAccountService } from './pay-by-account.service';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly bills: BillsService,
    private readonly bindings: AccountBindingsService,
    private readonly payByAccount: PayByAccountService,
  ) {}

  @Get('pay-by-account/:accountNo/bills')
  @ApiOperation({
    summary:
      "代缴: an account's unpaid bills by 户号, without binding: the masked holder and address and the amounts only",
    description:
      '404 when no active account has this number. Look-ups are limited per resident and hour ' +
      '(PAY_BY_ACCOUNT_LOOKUPS_PER_HOUR, found or not): 429 RATE_LIMITED with Retry-After beyond it. ' +
      'A bill looked up may then be paid with POST /api/bills/:id/pay for 24 hours.',
  })
  lookUp(@CurrentResident() me: ResidentPrincipal, @Param('accountNo') accountNo: string): Promise<PayByAccountView> {
    return this.payByAccount.lookUp(me.id, accountNo);
  }

  @Post('bills/:id/pay')
  @ApiOperation({
    summary:
      "Create or reuse the bill's open WeChat Pay order for this payer (another payer's is closed); returns requestPayment parameters",
    description:
      'For a bound account, or one the resident looked up by 户号 (代缴) within a day; the amount includes the late fee due today. ' +
      '409 BILL_ALREADY_PAID when the bill is paid, including a payment WeChat Pay reports while its notice was lost ' +
      '(credited at once); 409 PAYMENT_IN_PROGRESS when another household member started paying at the same instant; ' +
      '503 PAYMENT_UNAVAILABLE when WeChat Pay cannot be reached.',
  })
  async pay(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<PayResponse> {
    await this.payByAccount.assertMayPay(me.id, (await this.bills.find(id)).accountId);
    return this.payments.payBill(me.id, id);
  }

  @Get('payments')
  @ApiOperation({ summary: 'Payment records (receipts) of a bound account, with their invoice status' })
  @ApiQuery({ name: 'accountId', type: Number })
  async list(@CurrentResident() me: ResidentPrincipal, @Query('accountId') accountId: string): Promise<PaymentView[]> {
    const id = Number(accountId);
    if (!Number.isInteger(id) || id <= 0) throw notFound();
    await this.bindings.assertBound(me.id, id);
    return this.payments.residentReceipts(id, me.id);
  }
}
