import { Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, StaffLoginRequest, StaffLoginResponse, StaffLoginSchema } from '@utility/shared';
import { AppError } from '../common/app-error';
import { APP_CONFIG, AppConfig } from '../common/config';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { StaffService, toStaffView } from './staff.service';

@ApiTags('staff')
@Controller('api/staff')
export class StaffAuthController {
  constructor(
    private readonly staff: StaffService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Staff login: username + password → short-lived bearer token' })
  @ApiZodBody(StaffLoginSchema)
  async login(@ZodBody(StaffLoginSchema) body: StaffLoginRequest): Promise<StaffLoginResponse> {
    const staff = await this.staff.authenticate(body.username, body.password);
    if (!staff) throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.BadCredentials);
    const ttlSeconds = this.config.TOKEN_TTL_MINUTES * 60;
    const token = await this.jwt.signAsync(
      {
        sub: String(staff.id),
        kind: 'staff',
        name: staff.name,
        role: staff.role,
        stationId: staff.stationId,
        districtId: staff.districtId,
      },
      { expiresIn: ttlSeconds },
    );
    return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(), staff: toStaffView(staff) };
  }
}
