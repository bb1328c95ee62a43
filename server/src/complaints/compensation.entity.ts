import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** A compensation a supervisor approved on a complaint. Integer fen; kept, never deleted. */
@Entity('compensation')
export class Compensation {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  ticketId: number;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @IdRefColumn()
  approvedById: number;

  @Column({ type: 'varchar', length: 50 })
  approvedByName: string;

  @TimeColumn()
  approvedAt: Date;
}
