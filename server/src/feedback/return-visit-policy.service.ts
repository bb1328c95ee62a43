import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ReturnVisitPolicy, defaultReturnVisitPolicy } from '@utility/shared';
import { Repository } from 'typeorm';
import { AdminAudit } from '../audit/admin-audit.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { ReturnVisitPolicyRow } from './return-visit-policy.entity';

const ROW = 1;

/**
 * Scope, share, timing and questions of return visits per business (docs/domain.md#return-visits):
 * the operator's saved policy, else the defaults with the configured sample share
 * (RETURN_VISIT_SAMPLE_RATE). Read by the planner for each resolution it decides.
 */
@Injectable()
export class ReturnVisitPolicyService {
  constructor(
    @InjectRepository(ReturnVisitPolicyRow) private readonly rows: Repository<ReturnVisitPolicyRow>,
    private readonly db: Db,
    private readonly audit: AdminAudit,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async current(): Promise<ReturnVisitPolicy> {
    const row = await this.rows.findOneBy({ id: ROW });
    return row?.policy ?? defaultReturnVisitPolicy(Math.round(this.config.RETURN_VISIT_SAMPLE_RATE * 100));
  }

  /** The admin's new policy: recorded with before and after; decides resolutions from now on. */
  async replace(staff: StaffPrincipal, policy: ReturnVisitPolicy): Promise<ReturnVisitPolicy> {
    const before = await this.current();
    return this.db.transaction(async (em) => {
      await em.save(ReturnVisitPolicyRow, { id: ROW, policy, updatedAt: this.clock.now() });
      await this.audit.record(staff, {
        action: 'return_visit_policy.update',
        subjectType: 'return_visit_policy',
        subjectId: ROW,
        before,
        after: policy,
      });
      return policy;
    });
  }
}
