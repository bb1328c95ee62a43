import {
  CreateKnowledgeArticleSchema,
  KNOWLEDGE_KINDS,
  type CreateKnowledgeArticleRequest,
  type KnowledgeArticleView,
  type KnowledgeKind,
} from '@utility/shared';

/** The editor's fill: tags typed as one line (、or , or spaces between them), fees optional. */
export interface ArticleForm {
  kind: KnowledgeKind;
  title: string;
  body: string;
  tags: string;
  fees: string;
  published: boolean;
}

export const EMPTY_ARTICLE: ArticleForm = { kind: 'faq', title: '', body: '', tags: '', fees: '', published: false };

export const formOf = (a: KnowledgeArticleView): ArticleForm => ({
  kind: a.kind,
  title: a.title,
  body: a.body,
  tags: a.tags.join('、'),
  fees: a.fees ?? '',
  published: a.published,
});

export type ArticleErrors = Partial<Record<keyof ArticleForm, string>>;

/** The shared schema decides (the server checks the same); the first message per field. */
export function validateArticle(
  form: ArticleForm,
): { ok: true; request: CreateKnowledgeArticleRequest } | { ok: false; errors: ArticleErrors } {
  const parsed = CreateKnowledgeArticleSchema.safeParse({
    kind: form.kind,
    title: form.title,
    body: form.body,
    tags: form.tags
      .split(/[、,，\s]+/)
      .map((t) => t.trim())
      .filter(Boolean),
    fees: form.fees.trim() || null,
    published: form.published,
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: ArticleErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]) as keyof ArticleForm;
    if (field in EMPTY_ARTICLE) errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export const KINDS: readonly KnowledgeKind[] = KNOWLEDGE_KINDS;
