import type { KnowledgeArticleSummary, KnowledgeArticleView, KnowledgeKind, ServiceOutletView } from '@utility/shared';
import { request } from './request';

/** Published articles (public: no sign-in needed), of one kind, matching the search words. */
export function searchKnowledge(kind: KnowledgeKind | undefined, q: string): Promise<KnowledgeArticleSummary[]> {
  const query = [kind ? `kind=${kind}` : '', q.trim() ? `q=${encodeURIComponent(q.trim())}` : '']
    .filter(Boolean)
    .join('&');
  return request<KnowledgeArticleSummary[]>(`/api/knowledge${query ? `?${query}` : ''}`);
}

export function getArticle(id: number): Promise<KnowledgeArticleView> {
  return request<KnowledgeArticleView>(`/api/knowledge/${id}`);
}

/** 营业网点 (public). */
export function listServiceOutlets(): Promise<ServiceOutletView[]> {
  return request<ServiceOutletView[]>('/api/service-outlets');
}
