import { HttpStatus, Injectable } from '@nestjs/common';
import {
  AnswerCheckRequest,
  AnswerTicketRequest,
  ErrorCode,
  TicketEventKind,
  TicketStatus,
  answerJudgement,
  answerProblem,
} from '@utility/shared';
import { AppError } from '../common/app-error';
import { Db } from '../common/db';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { ResidentIntake } from '../residents/resident-intake.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketSnapshot } from '../tickets/ticket-snapshot';
import { TicketsService } from '../tickets/tickets.service';

/** A refusal: the wrong type is 422, the wrong moment (already answered, not yet answered) 409. */
const refusal = (code: ErrorCode) =>
  new AppError(code === ErrorCode.NotAnswerable ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT, code);

/**
 * Answering questions and suggestions (docs/domain.md#consultations). The answer is a timeline
 * event (its text, and the knowledge article it came from) and resolves the ticket: the answer
 * clock stops, and the resident is told through the resolved notice. The resident then says
 * 已解决 (closed) or 未解决 (reopened, a fresh answer clock).
 */
@Injectable()
export class TicketAnswers {
  constructor(
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly knowledge: KnowledgeService,
    private readonly intake: ResidentIntake,
    private readonly db: Db,
  ) {}

  async answer(staff: StaffPrincipal, id: number, body: AnswerTicketRequest): Promise<TicketSnapshot> {
    const visible = await this.reader.visibleTicket(staff, id);
    const early = answerProblem(visible.type, visible.status);
    if (early) throw refusal(early);
    // An article that is not there is refused before anything is written (404, as for any unknown id).
    const article = body.articleId === undefined ? null : await this.knowledge.get('staff', body.articleId);
    return this.db.transaction(async () => {
      const { ticket } = await this.tickets.lockForStep(id);
      const problem = answerProblem(ticket.type, ticket.status);
      if (problem) throw refusal(problem);
      const data = article ? { articleId: article.id, articleTitle: article.title } : undefined;
      const answered = await this.tickets.recordStep(staff, ticket, {
        events: [{ kind: TicketEventKind.Answered, note: body.text, data }],
      });
      // The answer is the work: resolved as the product's rule, whoever holds the ticket.
      return this.tickets.recordStep(null, answered, {
        to: TicketStatus.Resolved,
        note: article ? `已按知识库《${article.title}》答复` : '已答复',
        data,
      });
    });
  }

  /** The resident's 已解决 / 未解决 on an answered consultation of theirs. */
  async check(me: ResidentPrincipal, id: number, body: AnswerCheckRequest): Promise<void> {
    await this.reader.residentTicket(await this.intake.accountNos(me), id, me.id);
    await this.db.transaction(async () => {
      const { ticket } = await this.tickets.lockForStep(id);
      const judged = answerJudgement(ticket.type, ticket.status, body.solved);
      if ('refused' in judged) throw refusal(judged.refused);
      const note = body.solved ? '居民确认：问题已解决' : `居民反馈：问题未解决${body.note ? `（${body.note}）` : ''}`;
      const recorded = await this.tickets.recordStep(me, ticket, {
        events: [{ kind: TicketEventKind.AnswerJudged, note, data: { solved: body.solved } }],
      });
      await this.tickets.recordStep(null, recorded, { to: judged.to, note });
    });
  }
}
