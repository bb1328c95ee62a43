import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountHolderHistory } from './account-holder-history.entity';
import { Account } from './account.entity';
import { AccountsService } from './accounts.service';

@Module({
  imports: [TypeOrmModule.forFeature([Account, AccountHolderHistory])],
  providers: [AccountsService],
  exports: [AccountsService],
})
export class AccountsModule {}
