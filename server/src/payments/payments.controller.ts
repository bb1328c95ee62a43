import { Controller, Get, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PayResponse, PaymentView } from '@utility/shared';
import { notFound } from '../common/app-error';
import { BillsService } from '../billing/bills.service';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
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
  ) {}

  @Post('bills/:id/pay')
  @ApiOperation({
    summary:
      "Create or reuse the bill's open WeChat Pay order for this payer (another payer's is closed); returns requestPayment parameters",
    description:
      '409 BILL_ALREADY_PAID when the bill is paid, including a payment WeChat Pay reports while its notice was lost ' +
      '(credited at once); 409 PAYMENT_IN_PROGRESS when another household member started paying at the same instant; ' +
      '503 PAYMENT_UNAVAILABLE when WeChat Pay cannot be reached.',
  })
  async pay(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<PayResponse> {
    await this.bindings.assertBound(me.id, (await this.bills.find(id)).accountId);
    return this.payments.payBill(me.id, id);
  }

  @Get('payments')
  @ApiOperation({ summary: 'Payment records (receipts) of a bound account' })
  @ApiQuery({ name: 'accountId', type: Number })
  async list(@CurrentResident() me: ResidentPrincipal, @Query('accountId') accountId: string): Promise<PaymentView[]> {
    const id = Number(accountId);
    if (!Number.isInteger(id) || id <= 0) throw notFound();
    await this.bindings.assertBound(me.id, id);
    return this.payments.receipts(id);
  }
}
