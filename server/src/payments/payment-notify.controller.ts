import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { ErrorCode } from '@utility/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { KeepRawBody } from '../common/json-body';
import { PaymentNoticeHandler } from './payment-notice-handler.service';
import { NoticeRejected, WechatPayNotices } from './wechat-pay/wechat-pay.notices';

/**
 * WeChat Pay's notify URL. The raw body is verified before anything else; 2xx only once the
 * notice is handled, otherwise `{code, message}` with 4xx/5xx so that WeChat Pay retries.
 */
@Controller('api/payments/wechat')
export class PaymentNotifyController {
  constructor(
    private readonly notices: WechatPayNotices,
    private readonly handler: PaymentNoticeHandler,
    private readonly clock: Clock,
  ) {}

  @Post('notify')
  @KeepRawBody()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiExcludeEndpoint()
  async notify(@Req() request: FastifyRequest & { rawBody?: Buffer }): Promise<void> {
    let verified;
    try {
      verified = await this.notices.verifyNotice(
        { headers: request.headers, rawBody: request.rawBody ?? Buffer.alloc(0) },
        this.clock.now(),
      );
    } catch (error) {
      if (!(error instanceof NoticeRejected)) throw error;
      this.handler.countRejected(error.reason);
      throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.NoticeRejected, `notice rejected: ${error.reason}`);
    }
    const outcome = await this.handler.handle(verified);
    if (outcome === 'unknown_order' || outcome === 'mismatch' || outcome === 'unknown_fapiao') {
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.NoticeRejected, `notice not accepted: ${outcome}`);
    }
  }
}
