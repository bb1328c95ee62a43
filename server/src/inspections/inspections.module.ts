import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { ResidentsModule } from '../residents/residents.module';
import { SlaModule } from '../sla/sla.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UploadsModule } from '../uploads/uploads.module';
import { BookingReader } from './booking-reader.service';
import { FieldInspectionsService } from './field-inspections.service';
import { HazardFactsService } from './hazard-facts.service';
import { Hazard } from './hazard.entity';
import { HazardsService } from './hazards.service';
import { InspectionBooking } from './inspection-booking.entity';
import { InspectionBookingsService } from './inspection-bookings.service';
import { InspectionNotices } from './inspection-notices.service';
import { InspectionPlan } from './inspection-plan.entity';
import { InspectionPhotos } from './inspection-photos.service';
import { InspectionPlanDates } from './inspection-plan-dates.service';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionReminderJob } from './inspection-reminder.job';
import { InspectionResultsService } from './inspection-results.service';
import { InspectionSettings } from './inspection-rules.config';
import { InspectionSlot } from './inspection-slot.entity';
import { InspectionSlotsService } from './inspection-slots.service';
import { InspectionVisit } from './inspection-visit.entity';
import { ResidentInspectionsController } from './resident-inspections.controller';
import { StaffInspectionsController } from './staff-inspections.controller';

/** Safety inspections: plans and slots, bookings, the inspector's day, hazards. Tickets stay the tickets module's. */
@Module({
  imports: [
    TypeOrmModule.forFeature([InspectionPlan, InspectionSlot, InspectionBooking, InspectionVisit, Hazard]),
    AccountsModule,
    NotificationsModule,
    OrgModule,
    ResidentsModule,
    SlaModule,
    TicketsModule,
    UploadsModule,
  ],
  controllers: [ResidentInspectionsController, StaffInspectionsController],
  providers: [
    InspectionSettings,
    InspectionSlotsService,
    BookingReader,
    InspectionBookingsService,
    InspectionPlansService,
    InspectionPlanDates,
    InspectionNotices,
    FieldInspectionsService,
    HazardsService,
    HazardFactsService,
    InspectionResultsService,
    InspectionPhotos,
    InspectionReminderJob,
  ],
  exports: [
    InspectionPlansService,
    HazardFactsService,
    HazardsService,
    BookingReader,
    // The demo history books and records visits as a household and an inspector would.
    InspectionSlotsService,
    InspectionBookingsService,
    InspectionResultsService,
  ],
})
export class InspectionsModule {}
