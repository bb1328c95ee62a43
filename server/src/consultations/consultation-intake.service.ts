import { Injectable } from '@nestjs/common';
import {
  Channel,
  CreateConsultationRequest,
  CreateSuggestionRequest,
  FeedbackRequestCreated,
  TicketType,
} from '@utility/shared';
import { ResidentPrincipal } from '../common/principal';
import { ComplaintIntake } from '../complaints/complaint-intake.service';
import { requestCreated } from '../complaints/request-created';
import { ResidentIntake } from '../residents/resident-intake.service';
import { TicketReader } from '../tickets/ticket-reader.service';

export interface Filed {
  created: FeedbackRequestCreated;
  replayed: boolean;
}

/**
 * Questions (咨询) and suggestions (建议) from the app (docs/domain.md#consultations): through the
 * resident intake, routed to the agents' consultation queue with an answer clock. The account is
 * optional (a question about the service in general names none): the resident follows it as its
 * author in 我的 requests either way.
 */
@Injectable()
export class ConsultationIntake {
  constructor(
    private readonly intake: ResidentIntake,
    private readonly authors: ComplaintIntake,
    private readonly reader: TicketReader,
  ) {}

  async consult(me: ResidentPrincipal, body: CreateConsultationRequest, key: string | undefined): Promise<Filed> {
    return this.file(me, 'consultation', body, key, TicketType.Consultation, body.question, body.accountId, []);
  }

  async suggest(me: ResidentPrincipal, body: CreateSuggestionRequest, key: string | undefined): Promise<Filed> {
    return this.file(me, 'suggestion', body, key, TicketType.Suggestion, body.text, body.accountId, body.photoIds);
  }

  private async file(
    me: ResidentPrincipal,
    resourceType: string,
    body: unknown,
    key: string | undefined,
    type: TicketType,
    text: string,
    accountId: number | undefined,
    photoIds: number[] | undefined,
  ): Promise<Filed> {
    const created = await this.intake.file(me, resourceType, body, key, async () => {
      const account = await this.intake.optionalAccount(me, accountId);
      return {
        ticket: {
          type,
          accountNo: account?.accountNo,
          address: account?.address ?? '—',
          contactName: account?.holderName ?? '居民',
          contactPhone: await this.intake.phoneOf(me),
          description: text,
          channel: Channel.Miniapp,
        },
        photoIds,
        record: (ticket) => this.authors.recordAuthor(ticket.id, me.id),
      };
    });
    return { created: await requestCreated(this.reader, created.resourceId, false), replayed: created.replayed };
  }
}
