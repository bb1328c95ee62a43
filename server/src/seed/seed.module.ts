import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { OrgModule } from '../org/org.module';
import { QueuesModule } from '../queues/queues.module';
import { RotaModule } from '../rota/rota.module';
import { SlaModule } from '../sla/sla.module';
import { StaffModule } from '../staff/staff.module';
import { DemoSeed } from './demo-seed.service';

@Module({
  imports: [
    OrgModule,
    AccountsModule,
    QueuesModule,
    StaffModule,
    SlaModule,
    BillingModule,
    InspectionsModule,
    RotaModule,
  ],
  providers: [DemoSeed],
  exports: [DemoSeed],
})
export class SeedModule {}
