import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { AlertsModule } from './alerts/alerts.module';
import { ArrearsModule } from './arrears/arrears.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { BillingModule } from './billing/billing.module';
import type { Logger } from 'pino';
import { CommonModule } from './common/common.module';
import { LoggingModule, createLogger } from './common/logging';
import { CustomerHistoryModule } from './customer-history/customer-history.module';
import { CustomerMasterModule } from './customer-master/customer-master.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { AppConfig } from './common/config';
import { JobsModule } from './common/jobs/jobs.module';
import { dataSourceOptions } from './db/data-source-options';
import { FeedbackModule } from './feedback/feedback.module';
import { InspectionsModule } from './inspections/inspections.module';
import { HealthController } from './health/health.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { OutagesModule } from './outages/outages.module';
import { IncidentsModule } from './incidents/incidents.module';
import { InvoicesModule } from './invoices/invoices.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { OrgModule } from './org/org.module';
import { PaymentsModule } from './payments/payments.module';
import { PrepaidModule } from './prepaid/prepaid.module';
import { WechatPayModule } from './payments/wechat-pay/wechat-pay.module';
import { QueueAdminModule } from './queue-admin/queue-admin.module';
import { QueuesModule } from './queues/queues.module';
import { RepairsModule } from './repairs/repairs.module';
import { ReportsModule } from './reports/reports.module';
import { ResidentsModule } from './residents/residents.module';
import { RotaModule } from './rota/rota.module';
import { SeedModule } from './seed/seed.module';
import { SlaModule } from './sla/sla.module';
import { StaffModule } from './staff/staff.module';
import { StaffNoticesModule } from './staff-notices/staff-notices.module';
import { TicketsModule } from './tickets/tickets.module';
import { UploadsApiModule } from './uploads/uploads-api.module';
import { WechatModule } from './wechat/wechat.module';
import { WecomModule } from './wecom/wecom.module';

@Module({})
export class AppModule {
  /** `logger`: the root pino logger (bootstrap.ts shares it with the access log); one is made when not given. */
  static forRoot(config: AppConfig, logger: Logger = createLogger(config.LOG_LEVEL)): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot(logger),
        CommonModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        AuditModule,
        OrgModule,
        AccountsModule,
        StaffModule,
        StaffNoticesModule,
        QueuesModule,
        QueueAdminModule,
        RotaModule,
        SlaModule,
        TicketsModule,
        ResidentsModule,
        NotificationsModule,
        BillingModule,
        PaymentsModule,
        InvoicesModule,
        PrepaidModule,
        SeedModule,
        WechatModule,
        WecomModule,
        WechatPayModule,
        UploadsApiModule,
        RepairsModule,
        ReportsModule,
        CustomerHistoryModule,
        OutagesModule,
        IncidentsModule,
        KnowledgeModule,
        AlertsModule,
        ArrearsModule,
        ComplaintsModule,
        ApplicationsModule,
        ConsultationsModule,
        FeedbackModule,
        InspectionsModule,
        JobsModule,
        CustomerMasterModule,
        // The fakes' code is loaded only in mock mode: production never even requires it.
        ...(config.WECHAT_MODE === 'mock' || config.WECOM_MODE === 'mock' || config.WECHATPAY_MODE === 'mock'
          ? // eslint-disable-next-line @typescript-eslint/no-require-imports
            [(require('./dev/dev.module') as typeof import('./dev/dev.module')).DevModule.forRoot(config)]
          : []),
      ],
      controllers: [HealthController],
    };
  }
}
