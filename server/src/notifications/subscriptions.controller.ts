import { Controller, Get, HttpStatus, Inject, Post, UseGuards } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, NoticeTemplates, SubscribeSchema } from '@utility/shared';
import { Repository } from 'typeorm';
import { z } from 'zod';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { TicketReader } from '../tickets/ticket-reader.service';
import { noticeTemplates } from './notice-planner.service';
import { SubscriptionConsent } from './subscription-consent.entity';

@ApiTags('residents')
@Controller('api')
export class SubscriptionsController {
  constructor(
    @InjectRepository(SubscriptionConsent) private readonly consents: Repository<SubscriptionConsent>,
    private readonly bindings: AccountBindingsService,
    private readonly reader: TicketReader,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('notice-templates')
  @ApiOperation({ summary: 'The subscribe-message template ids to pass to wx.requestSubscribeMessage' })
  templates(): NoticeTemplates {
    return noticeTemplates(this.config);
  }

  @Post('my/tickets/:id/subscriptions')
  @ApiBearerAuth()
  @UseGuards(ResidentGuard)
  @ApiOperation({ summary: 'Record the templates the resident accepted for progress notices of this ticket' })
  @ApiZodBody(SubscribeSchema)
  async subscribe(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(SubscribeSchema) body: z.infer<typeof SubscribeSchema>,
  ): Promise<{ accepted: string[] }> {
    const ticket = await this.reader.residentTicket(await this.bindings.accountNos(me.id), id);
    const known = Object.values(noticeTemplates(this.config));
    if (body.templateIds.some((t) => !known.includes(t))) {
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '未知的订阅消息模板');
    }
    const grantedAt = this.clock.now();
    await this.consents.insert(body.templateIds.map((templateId) => ({ residentId: me.id, ticketId: ticket.id, templateId, grantedAt, usedByNoticeId: null })));
    return { accepted: body.templateIds };
  }
}
