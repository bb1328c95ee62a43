import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UploadOwnerKind } from './upload.entity';

/**
 * One row per uploader, locked while a new photo is counted against the hour's allowance and
 * stored: parallel uploads of one owner take their turn there, so the cap holds across
 * requests and processes (a count then an insert, unlocked, let 64 of 100 through a cap of 60).
 */
@Entity('upload_allowance')
export class UploadAllowance {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  ownerKind: UploadOwnerKind;

  @PrimaryColumn({ type: 'int' })
  ownerId: number;

  /** Photos this owner has stored; the update adding one is what takes the row's lock. */
  @Column({ type: 'int', default: 0 })
  stored: number;
}
