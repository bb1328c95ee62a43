import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { AlertsModule } from './alerts/alerts.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { BillingModule } from './billing/billing.module';
import { CommonModule } from './common/common.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { AppConfig } from './common/config';
import { dataSourceOptions } from './db/data-source-options';
import { FeedbackModule } from './feedback/feedback.module';
import { InspectionsModule } from './inspections/inspections.module';
import { HealthController } from './health/health.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { OrgModule } from './org/org.module';
import { PaymentsModule } from './payments/payments.module';
import { WechatPayModule } from './payments/wechat-pay/wechat-pay.module';
import { QueuesModule } from './queues/queues.module';
import { RepairsModule } from './repairs/repairs.module';
import { ReportsModule } from './reports/reports.module';
import { ResidentsModule } from './residents/residents.module';
import { SeedModule } from './seed/seed.module';
import { SlaModule } from './sla/sla.module';
import { StaffModule } from './staff/staff.module';
import { TicketsModule } from './tickets/tickets.module';
import { UploadsApiModule } from './uploads/uploads-api.module';
import { WechatModule } from './wechat/wechat.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        AuditModule,
        OrgModule,
        AccountsModule,
        StaffModule,
        QueuesModule,
        SlaModule,
        TicketsModule,
        ResidentsModule,
        NotificationsModule,
        BillingModule,
        PaymentsModule,
        SeedModule,
        WechatModule,
        WechatPayModule,
        UploadsApiModule,
        RepairsModule,
        ReportsModule,
        AlertsModule,
        ComplaintsModule,
        ApplicationsModule,
        FeedbackModule,
        InspectionsModule,
      ],
      controllers: [HealthController],
    };
  }
}
