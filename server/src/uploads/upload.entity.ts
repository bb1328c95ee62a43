import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

export type UploadOwnerKind = 'resident' | 'staff';
export type PhotoMime = 'image/jpeg' | 'image/webp';

/**
 * A photo as the server re-encoded it (never the bytes the client sent). It belongs to whoever
 * uploaded it until a later request attaches it to a ticket, reading, … (`UploadsService.claim`).
 */
@Entity('upload')
@Index(['ownerKind', 'ownerId', 'createdAt'])
@Index(['attachedTo'])
export class Upload {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  ownerKind: UploadOwnerKind;

  @IdRefColumn()
  ownerId: number;

  /** Where PhotoStorage keeps the bytes; random, so it says nothing about the owner. */
  @Column({ type: 'varchar', length: 80, unique: true })
  storageKey: string;

  @Column({ type: 'varchar', length: 16 })
  mime: PhotoMime;

  @Column({ type: 'int' })
  bytes: number;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  /** Of the stored (re-encoded) bytes, hex. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @TimeColumn()
  createdAt: Date;

  /** What uses the photo, e.g. `ticket:42` or `reading:7`; null until then. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  attachedTo: string | null;
}
