import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A fault that joined an outage (its child): no on-site clock while linked; resolved with the outage. */
@Entity('outage_ticket')
export class OutageTicket {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  outageId: number;

  /** A ticket joins at most one outage. */
  @Index({ unique: true })
  @IdRefColumn()
  ticketId: number;

  @TimeColumn()
  linkedAt: Date;

  /** Staff took it out (its on-site clock started then). */
  @TimeColumn({ nullable: true })
  unlinkedAt: Date | null;
}
