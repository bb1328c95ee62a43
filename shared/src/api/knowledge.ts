import { z } from 'zod';

/** Kinds of knowledge article (docs/domain.md#knowledge): scripts are for agents only. */
export const KNOWLEDGE_KINDS = ['faq', 'guide', 'safety', 'script', 'commitment'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

export const KNOWLEDGE_KIND_LABELS: Record<KnowledgeKind, string> = {
  faq: '常见问题',
  guide: '办事指南',
  safety: '安全用气',
  script: '答复口径',
  commitment: '服务承诺',
};

/** Kinds residents may read (published ones only); `script` stays with staff. */
export const RESIDENT_KNOWLEDGE_KINDS: readonly KnowledgeKind[] = ['faq', 'guide', 'safety', 'commitment'];

const tag = z
  .string()
  .trim()
  .min(1, '标签不能为空')
  .max(20, '标签最多20个字')
  .regex(/^[^,]+$/, '标签不能含逗号');

/** `POST /api/staff/knowledge`. */
export const CreateKnowledgeArticleSchema = z.object({
  kind: z.enum(KNOWLEDGE_KINDS, { error: '请选择文章类别' }),
  title: z.string({ error: '请填写标题' }).trim().min(2, '标题至少2个字').max(100, '标题最多100个字'),
  body: z.string({ error: '请填写正文' }).trim().min(10, '正文至少10个字').max(20_000, '正文最多20000字'),
  tags: z.array(tag).max(10, '标签最多10个').default([]),
  /** Fees as published text (收费标准), e.g. for a business guide. */
  fees: z.string().trim().max(2000, '收费说明最多2000字').nullable().default(null),
  published: z.boolean().default(false),
});
export type CreateKnowledgeArticleRequest = z.infer<typeof CreateKnowledgeArticleSchema>;

/** `PATCH /api/staff/knowledge/:id`: any field; at least one. */
export const UpdateKnowledgeArticleSchema = z
  .object({
    kind: z.enum(KNOWLEDGE_KINDS, { error: '请选择文章类别' }),
    title: z.string().trim().min(2, '标题至少2个字').max(100, '标题最多100个字'),
    body: z.string().trim().min(10, '正文至少10个字').max(20_000, '正文最多20000字'),
    tags: z.array(tag).max(10, '标签最多10个'),
    fees: z.string().trim().max(2000, '收费说明最多2000字').nullable(),
    published: z.boolean(),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, '请至少修改一项');
export type UpdateKnowledgeArticleRequest = z.infer<typeof UpdateKnowledgeArticleSchema>;

export interface KnowledgeArticleView {
  id: number;
  kind: KnowledgeKind;
  kindLabel: string;
  title: string;
  body: string;
  tags: string[];
  fees: string | null;
  published: boolean;
  updatedAt: string;
}

/** A list row: the body cut to a summary. */
export type KnowledgeArticleSummary = Omit<KnowledgeArticleView, 'body'> & { summary: string };

/** `GET /api/service-outlets`: a service outlet (营业网点). */
export interface ServiceOutletView {
  id: number;
  name: string;
  address: string;
  hours: string;
  services: string[];
  phone: string;
  latitude: number;
  longitude: number;
  /** Opens the outlet on a web map (H5); the mini-program opens the native map from the coordinates. */
  mapUrl: string;
}
