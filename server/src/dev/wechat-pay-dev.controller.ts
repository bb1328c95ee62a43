import { Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@utility/shared';
import { z } from 'zod';
import { AppError, notFound } from '../common/app-error';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { ResidentsService } from '../residents/residents.service';
import { FakeWechatPayHandle } from './fake-wechat-pay.handle';
import { FakeRefusal } from './fake-wechat-pay.server';

const DevPayBody = z.object({
  outTradeNo: z.string().min(1).max(32),
  /** The requestPayment params the page got: when given, the fake checks their paySign as WeChat's cashier would. */
  payment: z
    .object({
      appId: z.string(),
      timeStamp: z.string(),
      nonceStr: z.string(),
      package: z.string(),
      signType: z.string(),
      paySign: z.string(),
    })
    .optional(),
});

const DevFapiaoTitleBody = z.object({
  fapiaoApplyId: z.string().min(1).max(32),
  title: z.object({
    type: z.enum(['INDIVIDUAL', 'ORGANIZATION']),
    name: z.string().trim().min(1).max(100),
    taxpayer_id: z.string().trim().max(20).optional(),
  }),
});

/**
 * For the H5 mock cashier and browser tests: make the fake WeChat Pay "pay" an order. Only routed while the fake
 * runs here, and, like WeChat's cashier, only for the resident the order was opened for.
 */
@ApiTags('dev')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api/dev/wechat-pay')
export class WechatPayDevController {
  constructor(
    private readonly handle: FakeWechatPayHandle,
    private readonly residents: ResidentsService,
  ) {}

  @Post('pay')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Mock mode only: the fake WeChat Pay marks the resident's own order paid and sends its signed, encrypted notice",
  })
  @ApiZodBody(DevPayBody)
  async pay(
    @CurrentResident() principal: ResidentPrincipal,
    @ZodBody(DevPayBody) body: z.infer<typeof DevPayBody>,
  ): Promise<{ outTradeNo: string; transactionId: string; noticeStatus: number | null }> {
    const { fake } = this.handle;
    const resident = await this.residents.findActive(principal.id);
    const order = fake.orders().find((o) => o.outTradeNo === body.outTradeNo);
    // Someone else's order is as unknown to this resident as one that does not exist.
    if (!resident || !order || order.payerOpenid !== resident.openid) throw notFound();
    try {
      const paid = await fake.pay({ outTradeNo: body.outTradeNo, payment: body.payment });
      // What our own notify endpoint answered the fake: 200/204 means the notice was accepted.
      return {
        outTradeNo: paid.outTradeNo,
        transactionId: paid.transactionId,
        noticeStatus: paid.delivery?.status ?? null,
      };
    } catch (error) {
      if (!(error instanceof FakeRefusal)) throw error;
      if (error.status === 404) throw notFound();
      throw new AppError(HttpStatus.CONFLICT, ErrorCode.Conflict, `${error.code}: ${error.message}`);
    }
  }

  @Post('fapiao-title')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Mock mode only: the resident fills the title page of their own invoice application (WeChat's title mini " +
      'program), and the fake sends FAPIAO.USER_APPLIED',
  })
  @ApiZodBody(DevFapiaoTitleBody)
  async fillFapiaoTitle(
    @CurrentResident() principal: ResidentPrincipal,
    @ZodBody(DevFapiaoTitleBody) body: z.infer<typeof DevFapiaoTitleBody>,
  ): Promise<{ fapiaoApplyId: string }> {
    const { fake } = this.handle;
    const resident = await this.residents.findActive(principal.id);
    const application = fake.fapiaoTitleApplications().find((a) => a.fapiaoApplyId === body.fapiaoApplyId);
    // A title page opened for another user is as unknown as one never opened.
    if (!resident || !application || application.openid !== resident.openid) throw notFound();
    await fake.fillFapiaoTitle(body.fapiaoApplyId, application.openid, body.title);
    return { fapiaoApplyId: body.fapiaoApplyId };
  }
}
