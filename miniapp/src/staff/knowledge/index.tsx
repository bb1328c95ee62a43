import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { KNOWLEDGE_KIND_LABELS, type KnowledgeArticleSummary, type KnowledgeKind } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { createArticle, getStaffArticle, searchStaffKnowledge, updateArticle } from '../../services/api/knowledge';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { KNOWLEDGE_EDITOR_ROLES } from '../home-entries';
import { EMPTY_ARTICLE, KINDS, formOf, validateArticle, type ArticleErrors, type ArticleForm } from './article-form';
import { DeskPicker } from '../../components/desk-picker';
import { withDeskFrame } from '../desk/desk-frame';
import './index.scss';

const KIND_NAMES = KINDS.map((k) => KNOWLEDGE_KIND_LABELS[k]);
const ALL_KINDS = ['全部类别', ...KIND_NAMES];

/**
 * 知识库管理 (docs/domain.md#knowledge): supervisors and admins list and search every article, write
 * new ones and edit them. 答复口径 (answer scripts) are for agents: the server never shows them to
 * residents, published or not; drafts (未发布) stay with staff too.
 */
function KnowledgeEditorPage() {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<KnowledgeKind | undefined>(undefined);
  const [list, setList] = useState<KnowledgeArticleSummary[]>([]);
  /** null: the list; 0: a new article; else the article being edited. */
  const [editing, setEditing] = useState<number | null>(null);
  const [form, setForm] = useState<ArticleForm>(EMPTY_ARTICLE);
  const [key, setKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<ArticleErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [allowed, setAllowed] = useState(true);

  async function search(words = q, of = kind) {
    try {
      setList(await searchStaffKnowledge(words, of));
    } catch {
      // Shown by the wrapper.
    }
  }

  useDidShow(() => {
    const me = requireStaff();
    if (!me) return;
    const editor = KNOWLEDGE_EDITOR_ROLES.includes(me.role);
    setAllowed(editor);
    if (editor) void search();
  });

  const change = (patch: Partial<ArticleForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setKey(newIdempotencyKey());
  };

  async function open(id: number) {
    try {
      setForm(formOf(await getStaffArticle(id)));
      setErrors({});
      setFailure('');
      setEditing(id);
    } catch {
      // Shown by the wrapper.
    }
  }

  function startNew() {
    setForm(EMPTY_ARTICLE);
    setKey(newIdempotencyKey());
    setErrors({});
    setFailure('');
    setEditing(0);
  }

  async function save() {
    const checked = validateArticle(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setFailure('');
    setBusy(true);
    try {
      if (editing) await updateArticle(editing, checked.request);
      else await createArticle(checked.request, key);
      setEditing(null);
      await search();
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
      setFailure(e.message);
    } finally {
      setBusy(false);
    }
  }

  if (!allowed) return <Text className="empty">仅主管和管理员可以维护知识库</Text>;

  if (editing !== null)
    return (
      <View className="page knowledge-editor">
        <View className="card">
          <Text className="card__title">{editing ? '编辑文章' : '新建文章'}</Text>
          <FormField label="类别" id="article-kind" error={errors.kind}>
            <DeskPicker
              id="article-kind"
              mode="selector"
              range={KIND_NAMES}
              value={KINDS.indexOf(form.kind)}
              onChange={(e) => change({ kind: KINDS[Number(e.detail.value)] })}
            >
              <View id="article-kind-value" className="field__input">
                {KNOWLEDGE_KIND_LABELS[form.kind]}
              </View>
            </DeskPicker>
          </FormField>
          {form.kind === 'script' ? (
            <Text id="article-script-note" className="muted">
              答复口径仅供坐席使用，不会向居民展示。
            </Text>
          ) : null}
          <FormField label="标题" id="article-title" error={errors.title}>
            <Input
              id="article-title"
              className="field__input"
              maxlength={100}
              value={form.title}
              onInput={(e) => change({ title: e.detail.value })}
            />
          </FormField>
          <FormField label="正文" id="article-body" error={errors.body}>
            <Textarea
              id="article-body"
              className="field__textarea knowledge-editor__body"
              maxlength={20000}
              value={form.body}
              onInput={(e) => change({ body: e.detail.value })}
            />
          </FormField>
          <FormField label="收费标准" id="article-fees" error={errors.fees} optional>
            <Textarea
              id="article-fees"
              className="field__textarea"
              maxlength={2000}
              value={form.fees}
              onInput={(e) => change({ fees: e.detail.value })}
            />
          </FormField>
          <FormField label="标签（用顿号分隔）" id="article-tags" error={errors.tags} optional>
            <Input
              id="article-tags"
              className="field__input"
              value={form.tags}
              onInput={(e) => change({ tags: e.detail.value })}
            />
          </FormField>
          <View className="row">
            <Text>发布</Text>
            <Switch
              id="article-published"
              checked={form.published}
              onChange={(e) => change({ published: e.detail.value })}
            />
          </View>
          {failure ? (
            <Text id="article-error" className="field__error">
              {failure}
            </Text>
          ) : null}
          <ActionButton id="article-save" busy={busy} onClick={() => void save()}>
            保存
          </ActionButton>
          <ActionButton id="article-cancel" tone="secondary" disabled={busy} onClick={() => setEditing(null)}>
            返回列表
          </ActionButton>
        </View>
      </View>
    );

  return (
    <View className="page knowledge-editor">
      <View className="card">
        <View className="row">
          <Input
            id="knowledge-q"
            className="field__input knowledge-editor__q"
            placeholder="搜索标题、正文、标签"
            value={q}
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={() => void search()}
          />
          <ActionButton id="knowledge-search" tone="secondary" size="small" onClick={() => void search()}>
            搜索
          </ActionButton>
        </View>
        <DeskPicker
          id="knowledge-kind"
          mode="selector"
          range={ALL_KINDS}
          value={kind ? KINDS.indexOf(kind) + 1 : 0}
          onChange={(e) => {
            const next = Number(e.detail.value) > 0 ? KINDS[Number(e.detail.value) - 1] : undefined;
            setKind(next);
            void search(q, next);
          }}
        >
          <View id="knowledge-kind-value" className="field__input">
            {kind ? KNOWLEDGE_KIND_LABELS[kind] : '全部类别'}
          </View>
        </DeskPicker>
        <ActionButton id="knowledge-new" onClick={startNew}>
          新建文章
        </ActionButton>
      </View>
      {list.length ? null : <Text className="empty">没有文章</Text>}
      {list.map((a) => (
        <View
          key={a.id}
          id={`knowledge-article-${a.id}`}
          className="card knowledge-editor__row"
          onClick={() => void open(a.id)}
        >
          <View className="row">
            <Text className="knowledge-editor__title">{a.title}</Text>
            <Text className={a.published ? 'muted' : 'field__error'}>{a.published ? '已发布' : '未发布'}</Text>
          </View>
          <Text className="muted">
            {a.kindLabel}
            {a.kind === 'script' ? '（仅坐席可见）' : ''}
          </Text>
          <Text className="muted knowledge-editor__summary">{a.summary}</Text>
        </View>
      ))}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(KnowledgeEditorPage, 'knowledge', '知识库管理');
