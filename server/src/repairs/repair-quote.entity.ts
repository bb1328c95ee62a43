import type { QuoteLine } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

export type QuoteRowStatus = 'pending' | 'accepted' | 'superseded';

/**
 * A quote from the price list, sent to the resident before chargeable work (docs/domain.md#charges).
 * A newer quote of the same visit supersedes an older one (the resident must agree again); the
 * resolution that charges it records its id here, so the next visit starts without one.
 */
@Entity('repair_quote')
export class RepairQuote {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  ticketId: number;

  @IdRefColumn()
  technicianId: number;

  /** The price list's names and prices when it was sent. */
  @Column({ type: 'simple-json' })
  lines: QuoteLine[];

  /** Integer fen. */
  @Column({ type: 'int' })
  totalFen: number;

  @Column({ type: 'varchar', length: 16 })
  status: QuoteRowStatus;

  @TimeColumn()
  sentAt: Date;

  @TimeColumn({ nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  acceptedVia: 'in_app' | 'signature' | null;

  /** The resident who tapped 同意 in the miniapp. */
  @IdRefColumn({ nullable: true })
  acceptedByResidentId: number | null;

  /** The resident's signature on the technician's phone (attached to `quote_sign:<id>`). */
  @IdRefColumn({ nullable: true })
  signaturePhotoId: number | null;

  /** The resolution that closed this visit (charged at this quote when it was accepted). */
  @IdRefColumn({ nullable: true })
  resultId: number | null;
}
