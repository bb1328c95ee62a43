import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, ResidentView, maskPhone } from '@utility/shared';
import { In, IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { WechatApiClient, WechatApiError } from '../wechat/wechat-api.client';
import { Resident } from './resident.entity';

export const toResidentView = (r: Resident): ResidentView => ({
  id: r.id,
  phone: r.phone ? maskPhone(r.phone) : null,
  privacyConsentedAt: r.privacyConsentAt?.toISOString() ?? null,
});

/** WeChat identities: login by code, phone by code; session_key never leaves this service. */
/** Called with the identity being forgotten, before it is erased from the resident row. */
export type ForgetHook = (forgotten: { residentId: number; openid: string }) => Promise<void>;

@Injectable()
export class ResidentsService {
  private readonly forgetHooks: ForgetHook[] = [];

  constructor(
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    private readonly wechat: WechatApiClient,
    private readonly clock: Clock,
    private readonly db: Db,
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

  /**
   * Modules that keep a copy of a resident's WeChat identity (payments: the payer's openid on each order)
   * register here to pseudonymise it when the resident is forgotten; residents cannot depend on them.
   */
  onForget(hook: ForgetHook): void {
    this.forgetHooks.push(hook);
  }

  /** Forget the WeChat identity; what the company must keep (tickets, payments) stays, without the openid. */
  async forget(residentId: number): Promise<void> {
    const resident = await this.residents.findOneBy({ id: residentId });
    // Before the resident row: if a hook fails, the resident can ask again and nothing is half-forgotten.
    if (resident?.openid) for (const hook of this.forgetHooks) await hook({ residentId, openid: resident.openid });
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
