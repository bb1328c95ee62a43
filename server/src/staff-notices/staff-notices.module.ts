import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff/staff.module';
import { StaffNoticeWorker } from './staff-notice-worker.service';
import { StaffNotification } from './staff-notification.entity';
import { StaffNotices } from './staff-notices.service';
import { StaffNotificationsController } from './staff-notifications.controller';
import { WecomSender } from './wecom-sender.service';

/** Messages to staff: the notification centre and WeCom delivery (StaffNotices is the way in for every module). */
@Module({
  imports: [TypeOrmModule.forFeature([StaffNotification]), StaffModule],
  controllers: [StaffNotificationsController],
  providers: [StaffNotices, WecomSender, StaffNoticeWorker],
  exports: [StaffNotices, StaffNoticeWorker],
})
export class StaffNoticesModule {}
