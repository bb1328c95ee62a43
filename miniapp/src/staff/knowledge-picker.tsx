import { Input, Text, View } from '@tarojs/components';
import type { KnowledgeArticleSummary, KnowledgeArticleView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../components/action-button';
import { getStaffArticle, searchStaffKnowledge } from '../services/api/knowledge';
import './knowledge-picker.scss';

/** An answer taken from an article: at most what a ticket's answer holds (the rest is in the article). */
export const ANSWER_MAX = 1000;
export const answerTextOf = (article: KnowledgeArticleView) => article.body.slice(0, ANSWER_MAX);

/**
 * The knowledge base at an agent's hand (docs/domain.md#knowledge): search every article, answer
 * scripts included, and one click hands the chosen article to the page (into the ticket's answer
 * or description).
 */
export function KnowledgePicker({
  id,
  action,
  onPick,
}: {
  id: string;
  /** What the click does, e.g. 一键答复 or 填入描述. */
  action: string;
  onPick: (article: KnowledgeArticleView) => void | Promise<void>;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<KnowledgeArticleSummary[] | null>(null);
  const [busy, setBusy] = useState(0);

  async function search() {
    if (!q.trim()) return;
    try {
      setFound(await searchStaffKnowledge(q));
    } catch {
      // Shown by the wrapper.
    }
  }

  async function pick(articleId: number) {
    setBusy(articleId);
    try {
      await onPick(await getStaffArticle(articleId));
    } catch {
      // Shown by the wrapper.
    } finally {
      setBusy(0);
    }
  }

  return (
    <View id={id} className="knowledge-picker">
      <View className="row">
        <Input
          id={`${id}-q`}
          className="field__input knowledge-picker__q"
          placeholder="搜索知识库：如 过户、燃气味、分期"
          value={q}
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void search()}
        />
        <ActionButton id={`${id}-search`} tone="secondary" size="small" onClick={() => void search()}>
          搜索
        </ActionButton>
      </View>
      {found && !found.length ? <Text className="muted">没有找到相关文章</Text> : null}
      {(found ?? []).map((a) => (
        <View key={a.id} id={`${id}-article-${a.id}`} className="knowledge-picker__row">
          <View className="knowledge-picker__text">
            <Text className="knowledge-picker__title">
              {a.title}
              <Text className="muted">（{a.kindLabel}）</Text>
            </Text>
            <Text className="muted knowledge-picker__summary">{a.summary}</Text>
          </View>
          <ActionButton id={`${id}-use-${a.id}`} size="small" busy={busy === a.id} onClick={() => void pick(a.id)}>
            {action}
          </ActionButton>
        </View>
      ))}
    </View>
  );
}
