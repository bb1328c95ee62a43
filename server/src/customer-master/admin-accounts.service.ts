import { HttpStatus, Injectable } from '@nestjs/common';
import {
  AdminAccountListItem,
  AdminAccountPage,
  AdminAccountPatch,
  AdminAccountView,
  ErrorCode,
  maskPhone,
  parseAreaCentiM2,
} from '@utility/shared';
import { Account } from '../accounts/account.entity';
import { AccountFields, AccountsService } from '../accounts/accounts.service';
import { AdminAudit } from '../audit/admin-audit.service';
import { PersonalDataAudit } from '../audit/personal-data-audit.service';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { OrgService } from '../org/org.service';
import { AccountImportService } from './account-import.service';

const area = (centiM2: number | null) => (centiM2 === null ? null : (centiM2 / 100).toFixed(2));

/** What the change log keeps of an account: everything but the phone in full. */
const auditSnapshot = (a: Account) => ({
  accountNo: a.accountNo,
  holderName: a.holderName,
  address: a.address,
  utility: a.utility,
  districtId: a.districtId,
  stationId: a.stationId,
  meterNo: a.meterNo,
  heatedArea: area(a.areaCentiM2),
  usageType: a.usageType,
  keyCustomer: a.keyCustomer,
  paymentMode: a.paymentMode,
  meterKind: a.meterKind,
  phone: a.phone ? maskPhone(a.phone) : null,
  active: a.active,
});

/** The admin's look-up, edit and deactivation of single accounts; every change in the change log. */
@Injectable()
export class AdminAccountsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly org: OrgService,
    private readonly importer: AccountImportService,
    private readonly audit: AdminAudit,
    private readonly personalData: PersonalDataAudit,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async search(q: string, page: number, pageSize: number): Promise<AdminAccountPage> {
    const { items, total } = await this.accounts.search(q, page, pageSize);
    return {
      items: items.map((a): AdminAccountListItem => ({
        accountNo: a.accountNo,
        holderName: a.holderName,
        address: a.address,
        utility: a.utility,
        active: a.active,
      })),
      total,
      page,
      pageSize,
    };
  }

  async view(accountNo: string): Promise<AdminAccountView> {
    return this.toView(await this.find(accountNo));
  }

  /** The full phone, logged before it is returned (docs/domain.md#personal-data). */
  async revealPhone(staff: StaffPrincipal, accountNo: string): Promise<{ phone: string | null }> {
    const account = await this.find(accountNo);
    if (account.phone) await this.personalData.record(staff, 'account', account.id, 'phone');
    return { phone: account.phone };
  }

  async edit(staff: StaffPrincipal, accountNo: string, patch: AdminAccountPatch): Promise<AdminAccountView> {
    const { heatedArea, ...rest } = patch;
    const fields: Partial<AccountFields> = { ...rest };
    if (heatedArea !== undefined) fields.areaCentiM2 = heatedArea === null ? null : parseAreaCentiM2(heatedArea);
    const account = await this.db.transaction(async () => {
      const current = /^\d{10}$/.test(accountNo) ? await this.accounts.findByNo(accountNo) : null;
      if (!current) throw new AppError(HttpStatus.NOT_FOUND, ErrorCode.AccountNotFound);
      await this.checkPlace(current, fields);
      const at = this.clock.now();
      const changed = await this.accounts.edit(current, fields, { id: staff.id, name: staff.name, source: 'edit' }, at);
      if (!changed) return current;
      if (changed.holderChange) await this.importer.endBindings(changed.holderChange, at);
      const action =
        changed.before.active && !changed.after.active
          ? 'account.deactivate'
          : changed.holderChange
            ? 'account.transfer'
            : 'account.update';
      await this.audit.record(staff, {
        action,
        subjectType: 'account',
        subjectId: accountNo,
        before: auditSnapshot(changed.before),
        after: auditSnapshot(changed.after),
      });
      return changed.after;
    });
    return this.toView(account);
  }

  /** The station must belong to the district, and a heated area only on a heating account. */
  private async checkPlace(current: Account, fields: Partial<AccountFields>): Promise<void> {
    const districtId = fields.districtId ?? current.districtId;
    const stationId = fields.stationId ?? current.stationId;
    if (fields.districtId !== undefined || fields.stationId !== undefined) {
      const district = (await this.org.listDistricts()).find((d) => d.id === districtId);
      const station = (await this.org.listStations()).find((s) => s.id === stationId);
      if (!district) throw invalid('片区不存在');
      if (!station) throw invalid('站点不存在');
      if (station.districtId !== districtId) throw invalid('站点不属于该片区');
    }
    const utility = fields.utility ?? current.utility;
    const areaCentiM2 = fields.areaCentiM2 !== undefined ? fields.areaCentiM2 : current.areaCentiM2;
    if (areaCentiM2 !== null && utility !== 'heating') throw invalid('只有供热户可以填写供热面积');
    if (areaCentiM2 === 0) throw invalid('供热面积应大于0');
  }

  private async find(accountNo: string): Promise<Account> {
    const account = /^\d{10}$/.test(accountNo) ? await this.accounts.findByNo(accountNo) : null;
    if (!account) throw new AppError(HttpStatus.NOT_FOUND, ErrorCode.AccountNotFound);
    return account;
  }

  private async toView(a: Account): Promise<AdminAccountView> {
    const [districts, stations, history] = await Promise.all([
      this.org.listDistricts(),
      this.org.listStations(),
      this.accounts.holderHistory(a.id),
    ]);
    return {
      accountNo: a.accountNo,
      holderName: a.holderName,
      holderSince: a.holderSince?.toISOString() ?? null,
      address: a.address,
      utility: a.utility,
      districtId: a.districtId,
      districtName: districts.find((d) => d.id === a.districtId)?.name ?? '',
      stationId: a.stationId,
      stationName: stations.find((s) => s.id === a.stationId)?.name ?? '',
      meterNo: a.meterNo,
      heatedArea: area(a.areaCentiM2),
      usageType: a.usageType,
      keyCustomer: a.keyCustomer,
      paymentMode: a.paymentMode,
      meterKind: a.meterKind,
      phone: a.phone ? maskPhone(a.phone) : null,
      active: a.active,
      updatedAt: a.updatedAt?.toISOString() ?? null,
      holderHistory: history.map((h) => ({
        holderName: h.holderName,
        from: h.heldFrom?.toISOString() ?? null,
        to: h.heldUntil.toISOString(),
        changedBy: h.changedByName,
      })),
    };
  }
}

const invalid = (message: string) => new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, message);
