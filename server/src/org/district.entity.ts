import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 片区: accounts, queues and staff belong to one. */
@Entity('district')
export class District {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;
}
