import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ConsultationIntake } from './consultation-intake.service';
import { ConsultationsController, TicketAnswersController } from './consultations.controller';
import { TicketAnswers } from './ticket-answers.service';

/**
 * Consultations (咨询) and suggestions (建议): filed through the resident intake, answered by agents
 * (from the knowledge base in one click), checked by the resident (docs/domain.md#consultations).
 */
@Module({
  imports: [ComplaintsModule, KnowledgeModule, ResidentsModule, TicketsModule],
  controllers: [ConsultationsController, TicketAnswersController],
  providers: [ConsultationIntake, TicketAnswers],
})
export class ConsultationsModule {}
