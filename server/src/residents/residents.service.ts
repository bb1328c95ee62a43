import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, ResidentView, maskPhone } from '@utility/shared';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { WechatApiClient, WechatApiError } from '../wechat/wechat-api.client';
import { AccountBinding } from './account-binding.entity';
import { Resident } from './resident.entity';

/** A binding the company ended, and whose it was (to tell them). */
export interface EndedBinding {
  bindingId: number;
  residentId: number;
}

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
    private readonly db: Db,
  ) {}

  /**
   * Ends every resident's binding to the account (the holder changed: 过户). The bindings stay
   * as history and no longer count anywhere; a resident whose default it was gets their oldest
   * remaining account as the default. `em`: the caller's transaction (the change that caused it).
   */
  async endBindingsOfAccount(accountId: number, reason: string, em?: EntityManager): Promise<EndedBinding[]> {
    if (!em) return this.db.transaction((tx) => this.endBindingsOfAccount(accountId, reason, tx));
    const active = await em.find(AccountBinding, { where: { accountId, endedAt: IsNull() }, order: { id: 'ASC' } });
    if (!active.length) return [];
    const endedAt = this.clock.now();
    await em.update(
      AccountBinding,
      { id: In(active.map((b) => b.id)) },
      { endedAt, endReason: reason.slice(0, 100), isDefault: false },
    );
    for (const binding of active.filter((b) => b.isDefault)) {
      const next = await em.findOne(AccountBinding, {
        where: { residentId: binding.residentId, endedAt: IsNull() },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      if (next) await em.update(AccountBinding, { id: next.id }, { isDefault: true });
    }
    return active.map((b) => ({ bindingId: b.id, residentId: b.residentId }));
  }

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
