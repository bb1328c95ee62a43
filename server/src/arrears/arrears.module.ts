import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { TicketsModule } from '../tickets/tickets.module';
import { StopSupplyCase } from './stop-supply-case.entity';
import { StopSupplyService } from './stop-supply.service';

/** Long arrears followed to the end: stop-supply applications, their cancellation and the restore after payment. */
@Module({
  imports: [TypeOrmModule.forFeature([StopSupplyCase]), AccountsModule, BillingModule, TicketsModule],
  providers: [StopSupplyService],
  exports: [StopSupplyService],
})
export class ArrearsModule {}
