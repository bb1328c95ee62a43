import { Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ResidentsModule } from '../residents/residents.module';
import { BillAlerts } from './bill-alerts.service';

/** Resident alerts about bills (due, arrears, high use) through the notice outbox. */
@Module({
  imports: [BillingModule, NotificationsModule, ResidentsModule],
  providers: [BillAlerts],
  exports: [BillAlerts],
})
export class AlertsModule {}
