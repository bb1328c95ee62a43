import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RatingLevel } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** One call of a return visit (at most 3: the unique attempt number is the cap's lock). */
@Entity('return_visit_attempt')
@Index(['returnVisitId', 'attempt'], { unique: true })
export class ReturnVisitAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  returnVisitId: number;

  @Column({ type: 'smallint' })
  attempt: number;

  @IdRefColumn()
  agentId: number;

  @Column({ type: 'varchar', length: 50 })
  agentName: string;

  @Column({ type: 'boolean' })
  reached: boolean;

  @Column({ type: 'varchar', length: 16, nullable: true })
  level: RatingLevel | null;

  @Column({ type: 'boolean', nullable: true })
  fixed: boolean | null;

  @Column({ type: 'varchar', length: 1000 })
  note: string;

  @TimeColumn()
  at: Date;
}
