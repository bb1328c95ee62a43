import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { CHANNEL_LABELS, Channel, TICKET_TYPE_LABELS, TicketType, type KnowledgeArticleView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { ApiRequestError, NETWORK_ERROR } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { answerTicket } from '../../services/api/consultations';
import { createTicket } from '../../services/api/tickets';
import {
  clearDraft,
  errorsFromDetails,
  loadDraft,
  newDraft,
  saveDraft,
  STAFF_CHANNELS,
  validateIntake,
  withArticle,
  type IntakeErrors,
  type IntakeField,
} from './intake-form';
import { KnowledgePicker, answerTextOf } from '../knowledge-picker';
import { LeakSafety } from './leak-safety';
import { useDeskLayout } from '../../hooks/desk-layout';
import { DeskConsole } from '../desk/desk-console';
import './index.scss';

const TYPES = Object.values(TicketType);
const TYPE_LABELS = TYPES.map((t) => TICKET_TYPE_LABELS[t]);

type TextField = Exclude<IntakeField, 'type' | 'channel' | 'externalRef'>;
const CHANNEL_NAMES = STAFF_CHANNELS.map((c) => CHANNEL_LABELS[c]);
const TEXT_FIELDS: { field: TextField; label: string; placeholder: string; type?: 'number' }[] = [
  { field: 'accountNo', label: '户号', placeholder: '10位数字，不知道可不填', type: 'number' },
  { field: 'address', label: '地址', placeholder: '小区、楼栋、单元、门牌号' },
  { field: 'contactName', label: '联系人', placeholder: '来电人姓名' },
  { field: 'contactPhone', label: '联系电话', placeholder: '手机号或固定电话（区号-号码）' },
];

export default function IntakePage() {
  const [restored] = useState(() => loadDraft());
  const [draft, setDraft] = useState(() => restored ?? newDraft());
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [notice, setNotice] = useState(restored ? '已恢复上次未提交成功的受理单，请核对后提交' : '');
  const [busy, setBusy] = useState(false);
  const desk = useDeskLayout();
  const { form } = draft;

  useDidShow(() => void requireStaff());

  const set = (field: IntakeField, value: string) => setDraft((d) => ({ ...d, form: { ...d.form, [field]: value } }));

  function reset() {
    clearDraft();
    setDraft(newDraft());
    setErrors({});
    setNotice('');
  }

  /**
   * One click on an article (docs/domain.md#knowledge): a question is filed and answered from it at
   * once; any other request gets the article's text in its description.
   */
  async function takeArticle(article: KnowledgeArticleView) {
    const filled = withArticle(form, article.title, answerTextOf(article));
    setDraft((d) => ({ ...d, form: filled }));
    if (form.type === TicketType.Consultation) await submit(filled, article);
  }

  async function submit(current = form, article?: KnowledgeArticleView) {
    const result = validateIntake(current);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setBusy(true);
    try {
      const ticket = await createTicket(result.request, draft.idempotencyKey);
      clearDraft();
      // The ticket exists whatever happens to the answer: the agent can still answer it on its page.
      if (article)
        await answerTicket(ticket.id, { text: answerTextOf(article), articleId: article.id }).catch(() => null);
      void Taro.redirectTo({ url: `/staff/ticket/index?id=${ticket.id}` });
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.code === NETWORK_ERROR) {
        // Same key next time: if the ticket did reach the server, it is returned, not doubled.
        saveDraft(draft);
        setNotice('网络异常，受理单已暂存在本机，网络恢复后请再次提交');
      } else if (error.details) {
        setErrors(errorsFromDetails(error.details));
      }
    } finally {
      setBusy(false);
    }
  }

  if (desk) return <DeskConsole initial={{ kind: 'intake' }} />;
  return (
    <View className="page intake">
      {notice ? (
        <Text id="intake-notice" className="intake__notice">
          {notice}
        </Text>
      ) : null}
      <View className="card">
        <FormField label="工单类型" id="intake-type" error={errors.type}>
          <Picker
            id="intake-type"
            mode="selector"
            range={TYPE_LABELS}
            value={Math.max(0, TYPES.indexOf(form.type as TicketType))}
            onChange={(e) => set('type', TYPES[Number(e.detail.value)])}
          >
            <View
              id="intake-type-value"
              className={form.type ? 'field__input intake__picker' : 'field__input intake__picker muted'}
            >
              {form.type ? TICKET_TYPE_LABELS[form.type] : '请选择工单类型'}
            </View>
          </Picker>
        </FormField>
        {form.type === TicketType.Leak ? <LeakSafety /> : null}
        <FormField label="受理渠道" id="intake-channel" error={errors.channel}>
          <Picker
            id="intake-channel"
            mode="selector"
            range={CHANNEL_NAMES}
            value={Math.max(0, STAFF_CHANNELS.indexOf(form.channel ?? Channel.Phone))}
            onChange={(e) => set('channel', STAFF_CHANNELS[Number(e.detail.value)])}
          >
            <View id="intake-channel-value" className="field__input intake__picker">
              {CHANNEL_LABELS[form.channel ?? Channel.Phone]}
            </View>
          </Picker>
        </FormField>
        {form.channel === Channel.Hotline12345 || form.channel === Channel.Letter ? (
          <FormField
            label={form.channel === Channel.Hotline12345 ? '12345工单编号' : '来信编号'}
            id="intake-externalRef"
            error={errors.externalRef}
            optional={form.channel === Channel.Letter}
          >
            <Input
              id="intake-externalRef"
              className="field__input"
              value={form.externalRef ?? ''}
              onInput={(e) => set('externalRef', e.detail.value)}
            />
          </FormField>
        ) : null}
        {TEXT_FIELDS.map(({ field, label, placeholder, type }) => (
          <FormField
            key={field}
            label={label}
            id={`intake-${field}`}
            error={errors[field]}
            optional={field === 'accountNo'}
          >
            <Input
              id={`intake-${field}`}
              className="field__input"
              type={type ?? 'text'}
              placeholder={placeholder}
              value={form[field]}
              onInput={(e) => set(field, e.detail.value)}
            />
          </FormField>
        ))}
        <FormField label="问题描述" id="intake-description" error={errors.description}>
          <Textarea
            id="intake-description"
            className="field__textarea"
            placeholder="来电人描述的情况"
            maxlength={2000}
            value={form.description}
            onInput={(e) => set('description', e.detail.value)}
          />
        </FormField>
        <KnowledgePicker
          id="intake-knowledge"
          action={form.type === TicketType.Consultation ? '一键答复' : '填入描述'}
          onPick={takeArticle}
        />
        <ActionButton id="intake-submit" busy={busy} onClick={() => void submit()}>
          提交工单
        </ActionButton>
        <ActionButton id="intake-reset" tone="secondary" disabled={busy} onClick={reset}>
          清空重填
        </ActionButton>
      </View>
    </View>
  );
}
