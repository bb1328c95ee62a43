import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  KNOWLEDGE_KIND_LABELS,
  RESIDENT_KNOWLEDGE_KINDS,
  type KnowledgeArticleSummary,
  type KnowledgeKind,
} from '@utility/shared';
import { useEffect, useState } from 'react';
import { searchKnowledge } from '../../services/api/knowledge';
import './info.scss';

/** 常见问题 / 办事指南 / 安全用气 / 服务承诺: one list with the kind as a tab, and a search box. */
export default function KnowledgePage() {
  const router = useRouter();
  const initial = RESIDENT_KNOWLEDGE_KINDS.find((k) => k === router.params.kind) ?? 'faq';
  const [kind, setKind] = useState<KnowledgeKind>(initial);
  const [q, setQ] = useState('');
  const [articles, setArticles] = useState<KnowledgeArticleSummary[] | null>(null);

  async function load(nextKind: KnowledgeKind, words: string) {
    try {
      setArticles(await searchKnowledge(nextKind, words));
    } catch {
      setArticles([]); // The wrapper showed why.
    }
  }

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: KNOWLEDGE_KIND_LABELS[kind] }).catch(() => undefined);
    void load(kind, q);
    // Searching happens on confirm; switching the kind searches at once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);

  return (
    <View className="page info">
      <View className="info__kinds">
        {RESIDENT_KNOWLEDGE_KINDS.map((k) => (
          <Text
            key={k}
            id={`knowledge-kind-${k}`}
            className={k === kind ? 'chip chip--on' : 'chip'}
            onClick={() => setKind(k)}
          >
            {KNOWLEDGE_KIND_LABELS[k]}
          </Text>
        ))}
      </View>
      <View className="row info__search-row">
        <Input
          id="knowledge-search"
          className="info__search"
          placeholder="搜索，如：过户、燃气味、发票"
          value={q}
          confirmType="search"
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void load(kind, q)}
        />
        <Text id="knowledge-search-go" className="link" onClick={() => void load(kind, q)}>
          搜索
        </Text>
      </View>
      {articles === null ? null : articles.length === 0 ? (
        <View className="empty">没有找到相关内容，可拨打客服热线咨询</View>
      ) : (
        articles.map((a) => (
          <View
            key={a.id}
            id={`knowledge-article-${a.id}`}
            className="card info__item"
            onClick={() => void Taro.navigateTo({ url: `/packages/info/article?id=${a.id}` })}
          >
            <Text className="info__title">{a.title}</Text>
            <Text className="muted info__summary">{a.summary}</Text>
          </View>
        ))
      )}
    </View>
  );
}
