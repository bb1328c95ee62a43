import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../columns';

/** One accepted create request, so that its retries return the same resource. */
@Entity('idempotency_record')
@Index(['scope', 'key'], { unique: true })
export class IdempotencyRecord {
  @PrimaryGeneratedColumn()
  id: number;

  /** Who sent it (`staff:12`, `resident:7`): keys are only unique per sender. */
  @Column({ type: 'varchar', length: 40 })
  scope: string;

  /** Compared byte for byte (utf8mb4_bin on MariaDB, set by migration BinaryIdempotencyKeys): `abc` is not `ABC`. */
  @Column({ type: 'varchar', length: 100 })
  key: string;

  /** sha256 of the request body: the same key with another body is refused. */
  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  /** What the request created (e.g. `ticket`, 42). */
  @Column({ type: 'varchar', length: 24 })
  resourceType: string;

  @Column({ type: 'int', nullable: true })
  resourceId: number | null;

  @TimeColumn()
  createdAt: Date;
}
