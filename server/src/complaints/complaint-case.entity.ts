import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ComplaintGrade } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A complaint's or report's handling: its grade, the ticket it is about, the first reply. */
@Entity('complaint_case')
export class ComplaintCase {
  @PrimaryColumn({ type: 'int' })
  ticketId: number;

  @Column({ type: 'smallint', nullable: true })
  grade: ComplaintGrade | null;

  /** The ticket complained about (a resident's own, or the work a bad rating or visit was about). */
  @Index()
  @IdRefColumn({ nullable: true })
  relatedTicketId: number | null;

  @TimeColumn({ nullable: true })
  firstReplyAt: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  firstReply: string | null;
}
