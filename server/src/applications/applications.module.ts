import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UploadsModule } from '../uploads/uploads.module';
import { ApplicationDecisions } from './application-decisions.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { BusinessApplication } from './business-application.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([BusinessApplication]),
    AccountsModule,
    ResidentsModule,
    TicketsModule,
    UploadsModule,
  ],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, ApplicationDecisions],
})
export class ApplicationsModule {}
