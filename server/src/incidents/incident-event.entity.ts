import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** The incident's own timeline (declared, a ticket added, a note, closed): append-only, for the report to the authorities. */
@Entity('incident_event')
@Index(['incidentId', 'id'])
export class IncidentEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  incidentId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: 'declared' | 'ticket_added' | 'note' | 'closed';

  @Column({ type: 'varchar', length: 1000 })
  note: string;

  @IdRefColumn({ nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  actorName: string | null;

  @TimeColumn()
  at: Date;
}
