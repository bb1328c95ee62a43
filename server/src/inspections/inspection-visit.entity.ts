import { HazardSeverity, InspectionItemCode, VisitKind, VisitOutcome } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

export interface RecordedItem {
  code: InspectionItemCode;
  ok: boolean;
  note: string;
  photoIds: number[];
  severity: HazardSeverity | null;
}

/**
 * What an inspector recorded at the door, one row per visit (a ticket visited again after
 * "nobody home" has several). Rows are never changed. Photos are attached to
 * `inspection_item:<id>` and the signed record to `inspection_sign:<id>`.
 */
@Entity('inspection_visit')
export class InspectionVisit {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  ticketId: number;

  @IdRefColumn({ nullable: true })
  bookingId: number | null;

  @IdRefColumn()
  accountId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: VisitKind;

  @Column({ type: 'varchar', length: 16 })
  outcome: VisitOutcome;

  @IdRefColumn()
  inspectorId: number;

  @Column({ type: 'simple-json' })
  items: RecordedItem[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  confirmationKind: 'signature' | 'in_app' | null;

  @IdRefColumn({ nullable: true })
  signaturePhotoId: number | null;

  @TimeColumn()
  recordedAt: Date;
}
