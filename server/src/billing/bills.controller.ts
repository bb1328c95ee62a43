import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BillView, UsagePoint } from '@utility/shared';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { BillsService } from './bills.service';

/** A resident's bills, for accounts they have bound; any other account or bill is 404. */
@ApiTags('billing')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api')
export class BillsController {
  constructor(
    private readonly bills: BillsService,
    private readonly bindings: AccountBindingsService,
  ) {}

  @Get('accounts/:id/bills')
  @ApiOperation({ summary: 'Bills of an account: unpaid first, then history' })
  async list(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<BillView[]> {
    await this.bindings.assertBound(me.id, id);
    return this.bills.listForAccount(id);
  }

  @Get('accounts/:id/usage')
  @ApiOperation({ summary: 'Gas use of the last 12 billed months, for the chart' })
  async usage(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<UsagePoint[]> {
    await this.bindings.assertBound(me.id, id);
    return this.bills.usage(id);
  }

  @Get('accounts/:id/arrears')
  @ApiOperation({ summary: 'Unpaid and overdue totals, for the arrears banner' })
  async arrears(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number) {
    await this.bindings.assertBound(me.id, id);
    return this.bills.arrears(id);
  }

  @Get('bills/:id')
  @ApiOperation({ summary: 'A bill with its readings, tiers, amounts and due date' })
  async get(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<BillView> {
    const bill = await this.bills.find(id);
    await this.bindings.assertBound(me.id, bill.accountId);
    return this.bills.view(bill);
  }
}
