import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ResidentTicketView } from '@utility/shared';
import { In, IsNull, Repository } from 'typeorm';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { SubscriptionConsent } from './subscription-consent.entity';

/** The request page stops offering 订阅进度通知 for templates the resident already consented to. */
@Injectable()
export class TicketSubscriptions implements OnModuleInit {
  constructor(
    @InjectRepository(SubscriptionConsent) private readonly consents: Repository<SubscriptionConsent>,
    private readonly extensions: TicketExtensions,
  ) {}

  onModuleInit(): void {
    this.extensions.addResidentViewDecorator((views, residentId) => this.decorate(views, residentId));
  }

  private async decorate(views: ResidentTicketView[], residentId: number | null): Promise<void> {
    if (residentId === null || !views.length) return;
    const unused = await this.consents.findBy({
      residentId,
      ticketId: In(views.map((v) => v.id)),
      usedByNoticeId: IsNull(),
    });
    for (const v of views)
      v.subscribedTemplateIds = [...new Set(unused.filter((c) => c.ticketId === v.id).map((c) => c.templateId))];
  }
}
