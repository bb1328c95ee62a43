import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role, StaffInvoiceFilter, StaffInvoiceView, shanghaiStartOfDay } from '@utility/shared';
import { hasRole, StaffPrincipal } from '../common/principal';
import { Repository } from 'typeorm';
import { Invoice } from './invoice.entity';
import { toStaffInvoiceView } from './invoice-view';
import { InvoicesService } from './invoices.service';

const DAY_MS = 24 * 3600_000;
const LIMIT = 200;

/** Billing staff's list of invoices: their district's (admin and company-wide staff: all), newest first. */
@Injectable()
export class StaffInvoicesService {
  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    private readonly resident: InvoicesService,
  ) {}

  async list(staff: StaffPrincipal, filter: StaffInvoiceFilter): Promise<StaffInvoiceView[]> {
    const q = this.invoices.createQueryBuilder('i').orderBy('i.id', 'DESC').take(LIMIT);
    if (staff.districtId !== null && !hasRole(staff, Role.Admin))
      q.andWhere('i.districtId = :district', { district: staff.districtId });
    if (filter.status) q.andWhere('i.status = :status', { status: filter.status });
    if (filter.accountNo) q.andWhere('i.accountNo = :accountNo', { accountNo: filter.accountNo });
    if (filter.from) q.andWhere('i.requestedAt >= :from', { from: shanghaiStartOfDay(filter.from) });
    if (filter.to)
      q.andWhere('i.requestedAt < :to', { to: new Date(shanghaiStartOfDay(filter.to).getTime() + DAY_MS) });
    const rows = await q.getMany();
    const replacedBy = await this.resident.replacements(rows.map((r) => r.id));
    return rows.map((r) => toStaffInvoiceView(r, replacedBy.get(r.id) ?? null));
  }
}
