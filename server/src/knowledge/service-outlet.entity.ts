import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A service outlet (营业网点) residents can walk into. */
@Entity('service_outlet')
export class ServiceOutlet {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'varchar', length: 100 })
  hours: string;

  /** The services offered, joined by '、' as they are shown. */
  @Column({ type: 'varchar', length: 300 })
  services: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  /** GCJ-02 coordinates in millionths of a degree: exact integers on both databases. */
  @Column({ type: 'int' })
  latitudeE6: number;

  @Column({ type: 'int' })
  longitudeE6: number;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
