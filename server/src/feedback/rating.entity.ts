import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RatingLevel, TicketType } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A resident's rating of one resolution of a ticket. Kept for years, never changed. */
@Entity('rating')
@Index(['ticketId', 'resolution'], { unique: true })
export class Rating {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  ticketId: number;

  @Column({ type: 'varchar', length: 24 })
  ticketType: TicketType;

  /** 1 for the first resolution; a reopened and re-resolved ticket is rated again. */
  @Column({ type: 'smallint' })
  resolution: number;

  @IdRefColumn()
  residentId: number;

  /** Who did the work (the assignee who resolved it): the rating counts for them. */
  @Index()
  @IdRefColumn({ nullable: true })
  staffId: number | null;

  @Column({ type: 'varchar', length: 16 })
  level: RatingLevel;

  @Column({ type: 'varchar', length: 16 })
  speed: RatingLevel;

  @Column({ type: 'varchar', length: 16 })
  attitude: RatingLevel;

  @Column({ type: 'varchar', length: 16 })
  quality: RatingLevel;

  @Column({ type: 'varchar', length: 16 })
  tidiness: RatingLevel;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  @TimeColumn()
  ratedAt: Date;
}
