import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { ResidentsModule } from '../residents/residents.module';
import { AccountImportService } from './account-import.service';
import { AdminAccountsService } from './admin-accounts.service';
import { CustomerMasterController } from './customer-master.controller';
import { ImportJob } from './import-job.entity';

/**
 * The customer master in the admin console: the import of the utility's accounts, and the
 * look-up, edit and deactivation of single ones. Its own module because a holder change (过户)
 * reaches into residents (bindings) and notifications, which themselves depend on accounts.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ImportJob]), AccountsModule, OrgModule, ResidentsModule, NotificationsModule],
  controllers: [CustomerMasterController],
  providers: [AccountImportService, AdminAccountsService],
})
export class CustomerMasterModule {}
