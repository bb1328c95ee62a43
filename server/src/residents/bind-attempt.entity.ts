import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** Binding tries that did not succeed (a success removes its own), counted per resident and per account against guessing. */
@Entity('bind_attempt')
@Index(['residentId', 'at'])
@Index(['accountNo', 'at'])
export class BindAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  residentId: number;

  @Column({ type: 'varchar', length: 10 })
  accountNo: string;

  @TimeColumn()
  at: Date;
}
