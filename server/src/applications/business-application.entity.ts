import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ApplicationDocument, ApplicationKind } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';
import { encrypted } from '../common/field-cipher';

/** A business application's form (业务办理): the ticket carries the work, this row what was asked. */
@Entity('business_application')
export class BusinessApplication {
  @PrimaryColumn({ type: 'int' })
  ticketId: number;

  @Column({ type: 'varchar', length: 24 })
  kind: ApplicationKind;

  @IdRefColumn()
  accountId: number;

  @IdRefColumn()
  residentId: number;

  /** The form's fields as JSON; they hold ID numbers and phones, so the whole form is encrypted at rest. */
  @Column({ type: 'text', transformer: encrypted })
  fields: string;

  /** Photo ids per document. */
  @Column({ type: 'simple-json' })
  documents: Partial<Record<ApplicationDocument, number[]>>;

  @TimeColumn()
  createdAt: Date;
}
