import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1) whose counter goes up in the same transaction as every change to the
 * organisation (queues, routing, calendar, SLA policies, roster) and every outage declared or
 * restored: each process compares it before using what it cached, so a change made in one
 * process is used by all at once (docs/architecture.md#intakes-statements).
 */
@Entity('org_version')
export class OrgVersionRow {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int', default: 0 })
  version: number;
}
