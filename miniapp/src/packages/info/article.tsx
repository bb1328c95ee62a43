import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { KnowledgeArticleView } from '@utility/shared';
import { useEffect, useState } from 'react';
import { getArticle } from '../../services/api/knowledge';
import './info.scss';

/** One published article: its text, and for a business guide the fees as published. */
export default function ArticlePage() {
  const id = Number(useRouter().params.id);
  const [article, setArticle] = useState<KnowledgeArticleView | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    getArticle(id)
      .then((a) => {
        setArticle(a);
        void Taro.setNavigationBarTitle({ title: a.kindLabel }).catch(() => undefined);
      })
      .catch(() => setMissing(true));
  }, [id]);

  if (missing) return <View className="page empty">该内容不存在或已下线</View>;
  if (!article) return <View className="page" />;
  return (
    <View className="page info">
      <View className="card">
        <Text id="article-title" className="info__heading">
          {article.title}
        </Text>
        <Text id="article-body" className="info__body">
          {article.body}
        </Text>
      </View>
      {article.fees ? (
        <View className="card">
          <Text className="info__title">收费标准</Text>
          <Text id="article-fees" className="info__body">
            {article.fees}
          </Text>
        </View>
      ) : null}
      {article.tags.length ? (
        <View className="info__kinds">
          {article.tags.map((t) => (
            <Text key={t} className="chip">
              {t}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
