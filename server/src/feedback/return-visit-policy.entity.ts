import type { ReturnVisitPolicy } from '@utility/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../common/columns';

/** The operator's return-visit policy (docs/domain.md#return-visits): one row, id 1; none = the defaults. */
@Entity('return_visit_policy')
export class ReturnVisitPolicyRow {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'simple-json' })
  policy: ReturnVisitPolicy;

  @TimeColumn()
  updatedAt: Date;
}
