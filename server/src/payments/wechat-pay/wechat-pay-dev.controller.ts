import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@utility/shared';
import { z } from 'zod';
import { AppError, notFound } from '../../common/app-error';
import { ApiZodBody, ZodBody } from '../../common/zod-body';
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

/** For the H5 mock cashier and browser tests: make the fake WeChat Pay "pay" an order. Absent unless the fake runs here. */
@ApiTags('dev')
@Controller('api/dev/wechat-pay')
export class WechatPayDevController {
  constructor(private readonly handle: FakeWechatPayHandle) {}

  @Post('pay')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Mock mode only: the fake WeChat Pay marks the order paid and sends its signed, encrypted notice; 404 otherwise',
  })
  @ApiZodBody(DevPayBody)
  async pay(
    @ZodBody(DevPayBody) body: z.infer<typeof DevPayBody>,
  ): Promise<{ outTradeNo: string; transactionId: string; noticeStatus: number | null }> {
    const { fake } = this.handle;
    if (!fake) throw notFound();
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
}
