import type { MeterKind, TopUpStatus } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * One prepaid top-up (docs/domain.md#prepaid-accounts): paid through a WeChat Pay order (payments module),
 * then delivered to the meter: sent to the IoT vendor until it confirms, or loaded onto the IC card at a counter.
 */
@Entity('top_up')
@Index(['status', 'nextDeliveryAt'])
export class TopUp {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  accountId: number;

  @IdRefColumn()
  residentId: number;

  @Column({ type: 'int' })
  amountFen: number;

  /** The account's meter when the top-up was made: what delivering it means. */
  @Column({ type: 'varchar', length: 8 })
  meterKind: MeterKind;

  @Column({ type: 'varchar', length: 16 })
  status: TopUpStatus;

  /** The WeChat Pay order's out_trade_no (the latest, when a closed order was replaced). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  orderNo: string | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn({ nullable: true })
  creditedAt: Date | null;

  /** The vendor confirmed it on the meter, or the card was loaded. */
  @TimeColumn({ nullable: true })
  deliveredAt: Date | null;

  /** Sends to the meter vendor so far (IoT). */
  @Column({ type: 'int', default: 0 })
  deliveryAttempts: number;

  /** When the next send is due (IoT, credited); null when none is. */
  @TimeColumn({ nullable: true })
  nextDeliveryAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  lastDeliveryError: string | null;

  /** Set once when the vendor had not confirmed within METER_CONFIRM_HOURS: the billing ticket then opened. */
  @TimeColumn({ nullable: true })
  escalatedAt: Date | null;

  @IdRefColumn({ nullable: true })
  ticketId: number | null;

  /** The billing or counter staff member who loaded the IC card. */
  @IdRefColumn({ nullable: true })
  loadedById: number | null;
}
