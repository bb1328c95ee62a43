import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

export interface UsedPart {
  name: string;
  qty: number;
}

/** `in_app`: the resident's own confirmation in the miniapp during the visit, checked by the server. */
export type ConfirmationKind = 'signature' | 'in_app';

/**
 * What the technician recorded when resolving a visit. A ticket reopened and resolved again
 * has one row per resolution; rows are never changed. Photos are attached to
 * `repair_before:<id>`, `repair_after:<id>` and `repair_sign:<id>`.
 */
@Entity('repair_result')
export class RepairResult {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  ticketId: number;

  @IdRefColumn()
  technicianId: number;

  @Column({ type: 'varchar', length: 1000 })
  diagnosis: string;

  @Column({ type: 'text' })
  work: string;

  @Column({ type: 'simple-json' })
  parts: UsedPart[];

  @Column({ type: 'simple-json' })
  photoIdsBefore: number[];

  @Column({ type: 'simple-json' })
  photoIdsAfter: number[];

  @Column({ type: 'boolean' })
  chargeable: boolean;

  /** Integer fen; null when the work is free. */
  @Column({ type: 'int', nullable: true })
  chargeFen: number | null;

  /** The accepted quote the charge comes from (docs/domain.md#charges); null when free. */
  @IdRefColumn({ nullable: true })
  quoteId: number | null;

  /** The resident agreed to pay before the work was charged (required when chargeable). */
  @Column({ type: 'boolean' })
  residentConsentToCharge: boolean;

  @Column({ type: 'varchar', length: 16 })
  confirmationKind: ConfirmationKind;

  /** Photo of the work order the resident signed (confirmation `signature`). */
  @IdRefColumn({ nullable: true })
  signaturePhotoId: number | null;

  @TimeColumn()
  resolvedAt: Date;
}
