import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far the notice planner has read the ticket timeline. */
@Entity('notice_cursor')
export class NoticeCursor {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'int' })
  lastEventId: number;
}
