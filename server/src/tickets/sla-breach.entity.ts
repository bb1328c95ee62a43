import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ClockKind, TicketType } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A missed deadline, kept for the monthly report; later work never erases it. */
@Entity('sla_breach')
@Index(['ticketId', 'clock', 'dueAt'], { unique: true })
export class SlaBreach {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  ticketId: number;

  @Column({ type: 'varchar', length: 16 })
  clock: ClockKind;

  @Column({ type: 'varchar', length: 24 })
  ticketType: TicketType;

  @Index()
  @IdRefColumn()
  queueId: number;

  @TimeColumn()
  dueAt: Date;

  @Index()
  @TimeColumn()
  breachedAt: Date;
}
