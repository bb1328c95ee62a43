import { Controller, Get, Headers, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CardLoadRequest,
  CardLoadRequestSchema,
  CardLoadView,
  PrepaidBalanceView,
  Role,
  TopUpRequest,
  TopUpRequestSchema,
  TopUpResponse,
  TopUpView,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { TopUpsService } from './top-ups.service';

/** A resident's prepaid account: balance and top-ups (docs/domain.md#prepaid-accounts). */
@ApiTags('prepaid')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api/accounts/:id')
export class PrepaidController {
  constructor(private readonly topUps: TopUpsService) {}

  @Get('balance')
  @ApiOperation({
    summary: 'Balance, recent daily use (m³/day) and days left of a bound prepaid account',
    description: '404 when not bound; 409 NOT_PREPAID for a postpaid account or an ordinary meter.',
  })
  balance(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<PrepaidBalanceView> {
    return this.topUps.balance(me.id, id);
  }

  @Post('top-ups')
  @ApiOperation({
    summary:
      'Top up a prepaid account by WeChat Pay: creates the top-up and its order, returns requestPayment parameters',
    description:
      '1 元 to 5,000 元 in whole fen (400 VALIDATION_FAILED with the bound). One open top-up order per account: a ' +
      'newer top-up closes the older unpaid one. 409 NOT_PREPAID; 503 PAYMENT_UNAVAILABLE when WeChat Pay cannot be reached.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key is the same top-up' })
  @ApiZodBody(TopUpRequestSchema)
  async topUp(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(TopUpRequestSchema) body: TopUpRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TopUpResponse> {
    const created = await this.topUps.create(me.id, id, body, key);
    void reply.status(HttpStatus.CREATED);
    return created;
  }

  @Get('top-ups')
  @ApiOperation({ summary: "The account's top-ups, newest first, with 待支付/充值成功/待写卡/已到表/已退款" })
  list(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<TopUpView[]> {
    return this.topUps.list(me.id, id);
  }
}

/** Billing and counter staff loading IC cards (docs/domain.md#prepaid-accounts). */
@ApiTags('prepaid')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/staff/card-loads')
export class CardLoadsController {
  constructor(private readonly topUps: TopUpsService) {}

  @Post()
  @Roles(Role.Agent)
  @ApiOperation({
    summary: 'Record that a credited IC-card top-up was written to the card (待写卡 → 已到表)',
    description:
      "Staff of the account's district. A repeat answers the first load (`replayed: true`); 409 TOP_UP_NOT_LOADABLE for " +
      'an IoT top-up, an unpaid or a refunded one.',
  })
  @ApiZodBody(CardLoadRequestSchema)
  async load(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(CardLoadRequestSchema) body: CardLoadRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CardLoadView> {
    const view = await this.topUps.recordCardLoad(staff, body.topUpId);
    void reply.status(view.replayed ? HttpStatus.OK : HttpStatus.CREATED);
    return view;
  }
}
