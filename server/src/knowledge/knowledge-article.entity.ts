import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { KnowledgeKind } from '@utility/shared';
import { IdRefColumn, TimeColumn } from '../common/columns';

/** An article of the knowledge base: Q&A, business guide, safety, answer script or service commitment. */
@Entity('knowledge_article')
@Index(['kind', 'published'])
export class KnowledgeArticle {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 12 })
  kind: KnowledgeKind;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Tags as `,a,b,` so that one LIKE '%,tag,%' or a substring search finds them on both databases. */
  @Column({ type: 'varchar', length: 250 })
  tags: string;

  @Column({ type: 'text', nullable: true })
  fees: string | null;

  @Column({ type: 'boolean', default: false })
  published: boolean;

  @IdRefColumn({ nullable: true })
  updatedById: number | null;

  @TimeColumn()
  createdAt: Date;

  @TimeColumn()
  updatedAt: Date;
}
