import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn } from '../common/columns';

/** Who works a queue: membership is what a station member's scope is made of. */
@Entity('queue_member')
@Index(['queueId', 'staffId'], { unique: true })
export class QueueMember {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  queueId: number;

  @Index()
  @IdRefColumn()
  staffId: number;
}
