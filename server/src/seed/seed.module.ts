import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { FeedbackModule } from '../feedback/feedback.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { OrgModule } from '../org/org.module';
import { QueuesModule } from '../queues/queues.module';
import { PaymentsModule } from '../payments/payments.module';
import { PrepaidModule } from '../prepaid/prepaid.module';
import { RepairsModule } from '../repairs/repairs.module';
import { ResidentsModule } from '../residents/residents.module';
import { RotaModule } from '../rota/rota.module';
import { SlaModule } from '../sla/sla.module';
import { StaffModule } from '../staff/staff.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UploadsModule } from '../uploads/uploads.module';
import { DemoPower } from './demo-power.service';
import { DemoHistoryExtras } from './demo-history-extras.service';
import { DemoHistory } from './demo-history.service';
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
    TicketsModule,
    RepairsModule,
    ComplaintsModule,
    FeedbackModule,
    ResidentsModule,
    PaymentsModule,
    PrepaidModule,
    UploadsModule,
    KnowledgeModule,
  ],
  providers: [DemoSeed, DemoHistory, DemoHistoryExtras, DemoPower],
  exports: [DemoSeed],
})
export class SeedModule {}
