import type {
  CreateKnowledgeArticleRequest,
  KnowledgeArticleSummary,
  KnowledgeArticleView,
  KnowledgeKind,
  ServiceOutletView,
  UpdateKnowledgeArticleRequest,
} from '@utility/shared';
import { staffApi } from './request';

/** Published articles (public: no sign-in needed), of one kind, matching the search words. */
export function searchKnowledge(kind: KnowledgeKind | undefined, q: string): Promise<KnowledgeArticleSummary[]> {
  const query = [kind ? `kind=${kind}` : '', q.trim() ? `q=${encodeURIComponent(q.trim())}` : '']
    .filter(Boolean)
    .join('&');
  return staffApi.request<KnowledgeArticleSummary[]>(`/api/knowledge${query ? `?${query}` : ''}`);
}

export function getArticle(id: number): Promise<KnowledgeArticleView> {
  return staffApi.request<KnowledgeArticleView>(`/api/knowledge/${id}`);
}

/** 营业网点 (public). */
export function listServiceOutlets(): Promise<ServiceOutletView[]> {
  return staffApi.request<ServiceOutletView[]>('/api/service-outlets');
}

/** Staff: every article (answer scripts and drafts included), searched as residents search. */
export function searchStaffKnowledge(q: string, kind?: KnowledgeKind): Promise<KnowledgeArticleSummary[]> {
  const query = [kind ? `kind=${kind}` : '', q.trim() ? `q=${encodeURIComponent(q.trim())}` : '']
    .filter(Boolean)
    .join('&');
  return staffApi.request<KnowledgeArticleSummary[]>(`/api/staff/knowledge${query ? `?${query}` : ''}`);
}

export function getStaffArticle(id: number): Promise<KnowledgeArticleView> {
  return staffApi.request<KnowledgeArticleView>(`/api/staff/knowledge/${id}`);
}

/** Knowledge editors (supervisors, admins): a new article; one key per form fill. */
export function createArticle(
  body: CreateKnowledgeArticleRequest,
  idempotencyKey: string,
): Promise<KnowledgeArticleView> {
  return staffApi.request<KnowledgeArticleView>('/api/staff/knowledge', { method: 'POST', data: body, idempotencyKey });
}

export function updateArticle(id: number, body: UpdateKnowledgeArticleRequest): Promise<KnowledgeArticleView> {
  return staffApi.request<KnowledgeArticleView>(`/api/staff/knowledge/${id}`, { method: 'PATCH', data: body });
}
