import {
  KNOWLEDGE_KIND_LABELS,
  KnowledgeArticleSummary,
  KnowledgeArticleView,
  ServiceOutletView,
} from '@utility/shared';
import { KnowledgeArticle } from './knowledge-article.entity';
import { ServiceOutlet } from './service-outlet.entity';

const SUMMARY_CHARS = 60;

export const joinTags = (tags: string[]): string => (tags.length ? `,${[...new Set(tags)].join(',')},` : '');
const splitTags = (tags: string): string[] => tags.split(',').filter(Boolean);

export function articleView(a: KnowledgeArticle): KnowledgeArticleView {
  return {
    id: a.id,
    kind: a.kind,
    kindLabel: KNOWLEDGE_KIND_LABELS[a.kind],
    title: a.title,
    body: a.body,
    tags: splitTags(a.tags),
    fees: a.fees,
    published: !!a.published,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function articleSummary(a: KnowledgeArticle): KnowledgeArticleSummary {
  const { body, ...rest } = articleView(a);
  const flat = body.replace(/\s+/g, ' ').trim();
  return { ...rest, summary: flat.length > SUMMARY_CHARS ? `${flat.slice(0, SUMMARY_CHARS)}…` : flat };
}

export function outletView(o: ServiceOutlet): ServiceOutletView {
  const latitude = o.latitudeE6 / 1e6;
  const longitude = o.longitudeE6 / 1e6;
  return {
    id: o.id,
    name: o.name,
    address: o.address,
    hours: o.hours,
    services: o.services.split('、').filter(Boolean),
    phone: o.phone,
    latitude,
    longitude,
    // Amap's URI API takes GCJ-02 "lng,lat" and opens the map app or its web page.
    mapUrl: `https://uri.amap.com/marker?position=${longitude},${latitude}&name=${encodeURIComponent(o.name)}`,
  };
}
