import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { QueuesModule } from '../queues/queues.module';
import { ResidentsModule } from '../residents/residents.module';
import { SlaModule } from '../sla/sla.module';
import { StaffModule } from '../staff/staff.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DisasterPeriod } from './disaster-period.entity';
import { DisastersService } from './disasters.service';
import { FeedbackController } from './feedback.controller';
import { FeedbackCursor } from './feedback-cursor.entity';
import { FeedbackFactsService } from './feedback-facts.service';
import { FeedbackLoop } from './feedback-loop.service';
import { Rating } from './rating.entity';
import { RatingsService } from './ratings.service';
import { ReturnVisitAttempt } from './return-visit-attempt.entity';
import { ReturnVisitPlanner } from './return-visit-planner.service';
import { ReturnVisitPolicyController } from './return-visit-policy.controller';
import { ReturnVisitPolicyRow } from './return-visit-policy.entity';
import { ReturnVisitPolicyService } from './return-visit-policy.service';
import { ReturnVisitWorker } from './return-visit-worker.service';
import { ReturnVisit } from './return-visit.entity';
import { ReturnVisitsController } from './return-visits.controller';
import { ReturnVisitsService } from './return-visits.service';

/** Ratings, return visits and the loop they close (reopen or complaint). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Rating,
      ReturnVisit,
      ReturnVisitAttempt,
      DisasterPeriod,
      FeedbackCursor,
      ReturnVisitPolicyRow,
    ]),
    AccountsModule,
    ComplaintsModule,
    QueuesModule,
    ResidentsModule,
    SlaModule,
    StaffModule,
    TicketsModule,
  ],
  controllers: [FeedbackController, ReturnVisitsController, ReturnVisitPolicyController],
  providers: [
    RatingsService,
    ReturnVisitsService,
    ReturnVisitPlanner,
    ReturnVisitPolicyService,
    ReturnVisitWorker,
    FeedbackLoop,
    DisastersService,
    FeedbackFactsService,
  ],
  exports: [ReturnVisitWorker, FeedbackFactsService, RatingsService, ReturnVisitsService],
})
export class FeedbackModule {}
