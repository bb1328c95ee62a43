import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A ticket grouped under an incident (a ticket belongs to one incident at most). */
@Entity('incident_ticket')
export class IncidentTicket {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  incidentId: number;

  @Index({ unique: true })
  @IdRefColumn()
  ticketId: number;

  @TimeColumn()
  addedAt: Date;
}
