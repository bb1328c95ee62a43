import { Controller, Delete, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PhoneCodeSchema, ResidentLoginResponse, ResidentView, WechatLoginSchema } from '@utility/shared';
import { z } from 'zod';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { AccountBindingsService } from './account-bindings.service';
import { CurrentResident, ResidentGuard } from './resident.guard';
import { ResidentsService, toResidentView } from './residents.service';

/** Resident sessions last a week: the miniapp re-logs in silently with wx.login when they end. */
const RESIDENT_TOKEN_SECONDS = 7 * 24 * 3600;

@ApiTags('residents')
@Controller('api')
export class ResidentAuthController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly bindings: AccountBindingsService,
    private readonly jwt: JwtService,
  ) {}

  @Post('auth/wechat')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a wx.login code for a resident token (session_key stays on the server)' })
  @ApiZodBody(WechatLoginSchema)
  async login(@ZodBody(WechatLoginSchema) body: z.infer<typeof WechatLoginSchema>): Promise<ResidentLoginResponse> {
    const resident = await this.residents.loginWithCode(body.code);
    const token = await this.jwt.signAsync(
      { sub: String(resident.id), kind: 'resident' },
      { expiresIn: RESIDENT_TOKEN_SECONDS },
    );
    return {
      token,
      expiresAt: new Date(Date.now() + RESIDENT_TOKEN_SECONDS * 1000).toISOString(),
      resident: toResidentView(resident),
    };
  }

  @Post('auth/phone')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @UseGuards(ResidentGuard)
  @ApiOperation({ summary: "Store the resident's phone from a getPhoneNumber code" })
  @ApiZodBody(PhoneCodeSchema)
  async phone(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(PhoneCodeSchema) body: z.infer<typeof PhoneCodeSchema>,
  ): Promise<ResidentView> {
    return toResidentView(await this.residents.savePhoneFromCode(me.id, body.code));
  }

  @Get('me')
  @ApiBearerAuth()
  @UseGuards(ResidentGuard)
  async me(@CurrentResident() me: ResidentPrincipal): Promise<ResidentView> {
    return toResidentView((await this.residents.findActive(me.id))!);
  }

  @Post('me/privacy-consent')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @UseGuards(ResidentGuard)
  @ApiOperation({ summary: 'The resident agreed to the privacy guide (隐私保护指引)' })
  async consent(@CurrentResident() me: ResidentPrincipal): Promise<ResidentView> {
    return toResidentView(await this.residents.consentToPrivacy(me.id));
  }

  @Delete('me')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @UseGuards(ResidentGuard)
  @ApiOperation({ summary: 'Unbind every account and forget this WeChat identity; company records stay' })
  async forget(@CurrentResident() me: ResidentPrincipal): Promise<void> {
    await this.bindings.unbindAll(me.id);
    await this.residents.forget(me.id);
  }
}
