import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { StaffLoginResponse } from '@utility/shared';
import { StaffTokenClaims } from '../common/auth.guard';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Staff } from './staff.entity';
import { toStaffView } from './staff.service';

/** Signs staff bearer tokens: who, and the account's tokenVersion (raised to revoke them all). */
@Injectable()
export class StaffTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(staff: Staff): Promise<StaffLoginResponse> {
    const ttlSeconds = this.config.TOKEN_TTL_MINUTES * 60;
    const claims: StaffTokenClaims = { sub: String(staff.id), kind: 'staff', ver: staff.tokenVersion };
    const token = await this.jwt.signAsync(claims, { expiresIn: ttlSeconds });
    return {
      token,
      expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(),
      mustChangePassword: staff.mustChangePassword,
      staff: toStaffView(staff),
    };
  }
}
