import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UploadsModule } from '../uploads/uploads.module';
import { AccountBinding } from './account-binding.entity';
import { AccountBindingsController } from './account-bindings.controller';
import { AccountBindingsService } from './account-bindings.service';
import { BindAttempt } from './bind-attempt.entity';
import { EndedBinding } from './ended-binding.entity';
import { MyTicketsController } from './my-tickets.controller';
import { ResidentAuthController } from './resident-auth.controller';
import { Resident } from './resident.entity';
import { ResidentIntake } from './resident-intake.service';
import { ResidentGuard } from './resident.guard';
import { ResidentsService } from './residents.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Resident, AccountBinding, BindAttempt, EndedBinding]),
    AccountsModule,
    TicketsModule,
    UploadsModule,
  ],
  controllers: [ResidentAuthController, AccountBindingsController, MyTicketsController],
  providers: [ResidentsService, AccountBindingsService, ResidentGuard, ResidentIntake],
  exports: [ResidentsService, AccountBindingsService, ResidentGuard, ResidentIntake],
})
export class ResidentsModule {}
