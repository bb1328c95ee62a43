import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far the return-visit planner has read the ticket timeline. */
@Entity('feedback_cursor')
export class FeedbackCursor {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'int' })
  lastEventId: number;
}
