import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn } from '../common/columns';

/** An account (户号) an outage covers, fixed when it is declared: who is told, whose faults join it. */
@Entity('outage_account')
@Index(['outageId', 'accountId'], { unique: true })
export class OutageAccount {
  @PrimaryGeneratedColumn()
  id: number;

  @IdRefColumn()
  outageId: number;

  @IdRefColumn()
  accountId: number;

  @Index()
  @Column({ type: 'varchar', length: 10 })
  accountNo: string;
}
