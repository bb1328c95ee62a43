import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { APP_CONFIG, AppConfig } from '../common/config';
import { NotificationsModule } from '../notifications/notifications.module';
import { PaymentsModule } from '../payments/payments.module';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { MeterDelivery } from './meter-delivery.service';
import { METER_VENDOR_OPTIONS, MeterVendorClient } from './meter-vendor.client';
import { FAKE_METER_VENDOR_URL, meterVendorOptions } from './meter-vendor.options';
import { CardLoadsController, PrepaidController } from './prepaid.controller';
import { PrepaidEntry } from './prepaid-entry.entity';
import { PrepaidLedger } from './prepaid-ledger.service';
import { PrepaidWarnings } from './prepaid-warnings.service';
import { TopUp } from './top-up.entity';
import { TopUpsService } from './top-ups.service';

/**
 * Prepaid accounts (docs/domain.md#prepaid-accounts): the balance ledger, top-ups paid through the payments
 * module's WeChat Pay machinery, delivery to IoT meters through the vendor adapter, IC-card loads, warnings.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TopUp, PrepaidEntry]),
    AccountsModule,
    BillingModule,
    NotificationsModule,
    PaymentsModule,
    ResidentsModule,
    TicketsModule,
  ],
  controllers: [PrepaidController, CardLoadsController],
  providers: [
    {
      provide: METER_VENDOR_OPTIONS,
      inject: [APP_CONFIG, { token: FAKE_METER_VENDOR_URL, optional: true }],
      useFactory: (config: AppConfig, fakeUrl?: string) => meterVendorOptions(config, fakeUrl),
    },
    MeterVendorClient,
    PrepaidLedger,
    TopUpsService,
    MeterDelivery,
    PrepaidWarnings,
  ],
  exports: [PrepaidLedger],
})
export class PrepaidModule {}
