import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FakeWechatHandle } from './fake-wechat.handle';
import { SentSubscribeMessage } from './fake-wechat.server';

/** For the H5 mock pages and browser tests: what the fake WeChat "delivered". Only routed while the fake runs here. */
@ApiTags('dev')
@Controller('api/dev')
export class WechatDevController {
  constructor(private readonly handle: FakeWechatHandle) {}

  @Get('wechat-messages')
  @ApiOperation({
    summary: 'Mock mode only: subscribe messages the fake WeChat received (optionally ?touser=openid)',
  })
  messages(@Query('touser') touser?: string): SentSubscribeMessage[] {
    const messages = this.handle.fake.messages();
    return touser ? messages.filter((m) => m.touser === touser) : messages;
  }
}
