import { Controller, Get, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, NoticeTemplates, SubscribeSchema } from '@utility/shared';
import { z } from 'zod';
import { AppError } from '../common/app-error';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { TicketReader } from '../tickets/ticket-reader.service';
import { NoticeOutbox } from './notice-outbox.service';

@ApiTags('residents')
@Controller('api')
export class SubscriptionsController {
  constructor(
    private readonly outbox: NoticeOutbox,
    private readonly bindings: AccountBindingsService,
    private readonly reader: TicketReader,
  ) {}

  @Get('notice-templates')
  @ApiOperation({ summary: 'The subscribe-message template ids to pass to wx.requestSubscribeMessage' })
  templates(): NoticeTemplates {
    return this.outbox.templates();
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
    // A ticket of a bound account, or one the resident filed by name (a question naming no account).
    const ticket = await this.reader.residentTicket(await this.bindings.accountNos(me.id), id, me.id);
    this.checkKnown(body.templateIds);
    await this.outbox.grantConsent(me.id, body.templateIds, ticket.id);
    return { accepted: body.templateIds };
  }

  @Post('my/subscriptions')
  @ApiBearerAuth()
  @UseGuards(ResidentGuard)
  @ApiOperation({
    summary: 'Record the templates the resident accepted for notices about their accounts (bill due, arrears, usage)',
  })
  @ApiZodBody(SubscribeSchema)
  async subscribeToAccounts(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(SubscribeSchema) body: z.infer<typeof SubscribeSchema>,
  ): Promise<{ accepted: string[] }> {
    this.checkKnown(body.templateIds);
    await this.outbox.grantConsent(me.id, body.templateIds, null);
    return { accepted: body.templateIds };
  }

  private checkKnown(templateIds: string[]): void {
    const known = Object.values(this.outbox.templates());
    if (templateIds.some((t) => !known.includes(t))) {
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '未知的订阅消息模板');
    }
  }
}
