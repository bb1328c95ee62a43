import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CreateKnowledgeArticleRequest,
  ErrorCode,
  KNOWLEDGE_KINDS,
  KnowledgeArticleSummary,
  KnowledgeArticleView,
  KnowledgeKind,
  RESIDENT_KNOWLEDGE_KINDS,
  ServiceOutletView,
  UpdateKnowledgeArticleRequest,
} from '@utility/shared';
import { Brackets, Repository } from 'typeorm';
import { AppError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { StaffPrincipal } from '../common/principal';
import { DEMO_ARTICLES, DEMO_OUTLETS } from './knowledge-demo-content';
import { articleSummary, articleView, joinTags, outletView } from './knowledge-view';
import { KnowledgeArticle } from './knowledge-article.entity';
import { ServiceOutlet } from './service-outlet.entity';

/** Who reads: residents (and anyone unsigned) see published articles of the public kinds; staff see all. */
export type KnowledgeAudience = 'public' | 'staff';

const MAX_RESULTS = 50;
const MAX_QUERY = 50;

/** LIKE pattern for a substring, with `!` as the escape character (the same on SQLite and MariaDB). */
const containing = (term: string) => `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** The knowledge base (docs/domain.md#knowledge) and the service outlets. */
@Injectable()
export class KnowledgeService {
  constructor(
    @InjectRepository(KnowledgeArticle) private readonly articles: Repository<KnowledgeArticle>,
    @InjectRepository(ServiceOutlet) private readonly outlets: Repository<ServiceOutlet>,
    private readonly idempotency: IdempotencyService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Search by title, body and tags; every whitespace-separated term must match. */
  async search(audience: KnowledgeAudience, q?: string, kind?: string): Promise<KnowledgeArticleSummary[]> {
    if (kind && !(KNOWLEDGE_KINDS as readonly string[]).includes(kind))
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '文章类别无效');
    if (q && q.length > MAX_QUERY)
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, `搜索词最多${MAX_QUERY}个字`);
    const qb = this.articles.createQueryBuilder('a').orderBy('a.kind').addOrderBy('a.id').take(MAX_RESULTS);
    if (audience === 'public') {
      qb.where('a.published = :published', { published: true }).andWhere('a.kind IN (:...kinds)', {
        kinds: RESIDENT_KNOWLEDGE_KINDS,
      });
    }
    if (kind) qb.andWhere('a.kind = :kind', { kind });
    const terms = (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
    terms.forEach((term, i) => {
      const p = `term${i}`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(`a.title LIKE :${p} ESCAPE '!'`)
            .orWhere(`a.body LIKE :${p} ESCAPE '!'`)
            .orWhere(`a.tags LIKE :${p} ESCAPE '!'`),
        ),
        { [p]: containing(term) },
      );
    });
    return (await qb.getMany()).map(articleSummary);
  }

  /** One article; what the audience may not see is "not found", not "forbidden" (no hint it exists). */
  async get(audience: KnowledgeAudience, id: number): Promise<KnowledgeArticleView> {
    const article = await this.articles.findOneBy({ id });
    if (!article) throw notFound();
    if (audience === 'public' && (!article.published || !RESIDENT_KNOWLEDGE_KINDS.includes(article.kind)))
      throw notFound();
    return articleView(article);
  }

  async create(
    me: StaffPrincipal,
    body: CreateKnowledgeArticleRequest,
    key: string | undefined,
  ): Promise<KnowledgeArticleView> {
    const created = await this.idempotency.create(`staff:${me.id}`, key, 'knowledge-article', body, async (em) => {
      const now = this.clock.now();
      const { identifiers } = await em.insert(KnowledgeArticle, {
        ...body,
        tags: joinTags(body.tags),
        updatedById: me.id,
        createdAt: now,
        updatedAt: now,
      });
      return identifiers[0].id as number;
    });
    return this.get('staff', created.resourceId);
  }

  async update(me: StaffPrincipal, id: number, body: UpdateKnowledgeArticleRequest): Promise<KnowledgeArticleView> {
    const { tags, ...rest } = body;
    await this.db.transaction(async (em) => {
      const { affected } = await em.update(
        KnowledgeArticle,
        { id },
        {
          ...rest,
          ...(tags ? { tags: joinTags(tags) } : {}),
          updatedById: me.id,
          updatedAt: this.clock.now(),
        },
      );
      if (!affected) throw notFound();
    });
    return this.get('staff', id);
  }

  async listOutlets(): Promise<ServiceOutletView[]> {
    const rows = await this.outlets.find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map(outletView);
  }

  /** The demo's articles and outlets, on a database that has none (a restart adds nothing). */
  async ensureDemoContent(): Promise<void> {
    const now = this.clock.now();
    if ((await this.articles.count()) === 0) {
      await this.db.transaction(async (em) => {
        for (const a of DEMO_ARTICLES) {
          await em.insert(KnowledgeArticle, {
            kind: a.kind as KnowledgeKind,
            title: a.title,
            body: a.body,
            tags: joinTags(a.tags),
            fees: a.fees ?? null,
            published: a.published ?? true,
            updatedById: null,
            createdAt: now,
            updatedAt: now,
          });
        }
      });
    }
    if ((await this.outlets.count()) === 0) {
      await this.db.transaction(async (em) => {
        for (const [i, o] of DEMO_OUTLETS.entries()) await em.insert(ServiceOutlet, { ...o, sortOrder: i });
      });
    }
  }
}
