import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

export type MismatchKind = 'missing_locally' | 'amount_differs' | 'missing_at_wechat';

/** A difference between our payments and WeChat Pay's trade bill of a day; each one becomes a billing ticket, once. */
@Entity('reconciliation_mismatch')
@Index(['billDate', 'outTradeNo', 'kind'], { unique: true })
export class ReconciliationMismatch {
  @PrimaryGeneratedColumn()
  id: number;

  /** The Shanghai date of the trade bill. */
  @Column({ type: 'varchar', length: 10 })
  billDate: string;

  @Column({ type: 'varchar', length: 32 })
  outTradeNo: string;

  @Column({ type: 'varchar', length: 20 })
  kind: MismatchKind;

  @Column({ type: 'int', nullable: true })
  oursFen: number | null;

  @Column({ type: 'int', nullable: true })
  wechatFen: number | null;

  @IdRefColumn({ nullable: true })
  ticketId: number | null;

  @TimeColumn()
  foundAt: Date;
}
