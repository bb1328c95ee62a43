import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Operator's correction to China's calendar for one date (a newly announced holiday or 调休). */
@Entity('calendar_day')
export class CalendarDay {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'boolean' })
  working: boolean;

  @Column({ type: 'varchar', length: 100, default: '' })
  note: string;
}
