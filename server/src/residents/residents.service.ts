import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, ResidentView, maskPhone } from '@utility/shared';
import { In, IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { WechatApiClient, WechatApiError } from '../wechat/wechat-api.client';
import { Resident } from './resident.entity';

export const toResidentView = (r: Resident): ResidentView => ({
  id: r.id,
  phone: r.phone ? maskPhone(r.phone) : null,
  privacyConsentedAt: r.privacyConsentAt?.toISOString() ?? null,
});

/** WeChat identities: login by code, phone by code; session_key never leaves this service. */
@Injectable()
export class ResidentsService {
  constructor(
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    private readonly wechat: WechatApiClient,
    private readonly clock: Clock,
  ) {}

  async loginWithCode(code: string): Promise<Resident> {
    const { openid } = await this.exchange(() => this.wechat.code2Session(code));
    const existing = await this.residents.findOneBy({ openid });
    if (existing) return existing;
    try {
      return await this.residents.save({
        openid,
        phone: null,
        privacyConsentAt: null,
        createdAt: this.clock.now(),
        deletedAt: null,
      });
    } catch {
      // Two first logins at once: the other one created it.
      return this.residents.findOneByOrFail({ openid });
    }
  }

  async savePhoneFromCode(residentId: number, code: string): Promise<Resident> {
    const { purePhoneNumber } = await this.exchange(() => this.wechat.getPhoneNumber(code));
    await this.residents.update({ id: residentId }, { phone: purePhoneNumber });
    return this.residents.findOneByOrFail({ id: residentId });
  }

  async consentToPrivacy(residentId: number): Promise<Resident> {
    await this.residents.update({ id: residentId, privacyConsentAt: IsNull() }, { privacyConsentAt: this.clock.now() });
    return this.residents.findOneByOrFail({ id: residentId });
  }

  /** The active resident, or null once the identity was deleted. */
  findActive(id: number): Promise<Resident | null> {
    return this.residents.findOneBy({ id, deletedAt: IsNull() });
  }

  findByIds(ids: number[]): Promise<Resident[]> {
    return ids.length ? this.residents.findBy({ id: In(ids), deletedAt: IsNull() }) : Promise.resolve([]);
  }

  /** Forget the WeChat identity; what the company must keep (tickets, payments) stays. */
  async forget(residentId: number): Promise<void> {
    await this.residents.update({ id: residentId }, { openid: null, phone: null, deletedAt: this.clock.now() });
  }

  private async exchange<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof WechatApiError && !error.retryable) {
        throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.WechatCodeInvalid);
      }
      throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.WechatUnavailable);
    }
  }
}
