import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffAuthController } from './staff-auth.controller';
import { Staff } from './staff.entity';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([Staff])],
  controllers: [StaffAuthController],
  providers: [StaffService],
  exports: [StaffService],
})
export class StaffModule {}
