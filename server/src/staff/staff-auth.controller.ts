import { Controller, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangePasswordRequest,
  ChangePasswordSchema,
  ErrorCode,
  StaffLoginRequest,
  StaffLoginResponse,
  StaffLoginSchema,
} from '@utility/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { AllowPendingPasswordChange, CurrentStaff, StaffGuard } from '../common/auth.guard';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { LoginAttempt, LoginThrottle } from './login-throttle.service';
import { StaffAccounts } from './staff-accounts.service';
import { StaffTokens } from './staff-tokens.service';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Controller('api/staff')
export class StaffAuthController {
  constructor(
    private readonly staff: StaffService,
    private readonly accounts: StaffAccounts,
    private readonly tokens: StaffTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Staff login: username + password → bearer token; 429 with Retry-After after 5 failures in 15 min',
  })
  @ApiZodBody(StaffLoginSchema)
  async login(
    @ZodBody(StaffLoginSchema) body: StaffLoginRequest,
    @Req() request: FastifyRequest,
  ): Promise<StaffLoginResponse> {
    const attempt = await this.begin(body.username, request);
    const staff = await this.staff.authenticate(body.username, body.password);
    if (!staff) {
      // Right password of a disabled account: say so (the person can do nothing else about it).
      if (await this.staff.isDisabledWithPassword(body.username, body.password)) {
        throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.StaffDisabled);
      }
      throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.BadCredentials);
    }
    await attempt.succeeded();
    return this.tokens.issue(staff);
  }

  @Post('me/password')
  @HttpCode(HttpStatus.OK)
  @UseGuards(StaffGuard)
  @AllowPendingPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Change one's own password; every other session ends, the answer carries a new token",
  })
  @ApiZodBody(ChangePasswordSchema)
  async changePassword(
    @CurrentStaff() me: StaffPrincipal,
    @ZodBody(ChangePasswordSchema) body: ChangePasswordRequest,
    @Req() request: FastifyRequest,
  ): Promise<StaffLoginResponse> {
    const username = (await this.staff.findById(me.id))?.username;
    if (!username) throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);
    // Guessing the current password with a stolen token is throttled like signing in.
    const attempt = await this.begin(username, request);
    let updated;
    try {
      updated = await this.accounts.changeOwnPassword(me.id, body.current, body.next);
    } catch (error) {
      if (error instanceof AppError && error.code !== ErrorCode.CurrentPasswordWrong) await attempt.succeeded();
      throw error;
    }
    await attempt.succeeded();
    return this.tokens.issue(updated);
  }

  private begin(username: string, request: FastifyRequest): Promise<LoginAttempt> {
    return this.throttle.begin(username, request.ip);
  }
}
