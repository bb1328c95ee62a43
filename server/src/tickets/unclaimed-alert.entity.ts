import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * A ticket's dispatchers were told it sat unclaimed past half its respond clock: once per run of that clock
 * (a reopened ticket's restarted clock may be told again). The unique key decides between processes.
 */
@Entity('unclaimed_alert')
@Index(['clockId', 'clockStartedAt'], { unique: true })
export class UnclaimedAlert {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  ticketId: number;

  @IdRefColumn()
  clockId: number;

  @TimeColumn()
  clockStartedAt: Date;

  @TimeColumn()
  alertedAt: Date;
}
