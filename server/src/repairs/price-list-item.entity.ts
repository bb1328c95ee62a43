import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../common/columns';

/**
 * One item of the operator's repair price list (docs/domain.md#charges), priced per unit in integer
 * fen. Quotes copy name and price when sent, so a later change never alters a quote; an item a
 * quote named is retired rather than deleted.
 */
@Entity('price_list_item')
export class PriceListItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  unit: string;

  /** Integer fen per unit. */
  @Column({ type: 'int' })
  unitFen: number;

  /** The order of the technician's form. */
  @Column({ type: 'int' })
  position: number;

  /** No longer quoted; kept for the quotes that named it. */
  @Column({ type: 'boolean', default: false })
  retired: boolean;

  @TimeColumn()
  updatedAt: Date;
}
