import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';

/**
 * Who filed a complaint or report from the miniapp. Read only for the resident's own
 * `/api/my/...` views: no staff view maps this row, so an anonymous reporter stays unknown.
 */
@Entity('resident_request')
export class ResidentRequest {
  @PrimaryColumn({ type: 'int' })
  ticketId: number;

  @Index()
  @IdRefColumn()
  residentId: number;

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @TimeColumn()
  createdAt: Date;
}
