import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  ErrorCode,
  RATING_QUESTIONS,
  RATING_QUESTION_LABELS,
  TicketType,
  type CreateRatingRequest,
  type RatingView,
  type ResidentTicketView,
} from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { formatFullTime } from '../../format/time';
import { rateTicket } from '../../services/api/feedback';
import { getMyTicket } from '../../services/api/my-tickets';
import { requireResident } from '../../services/resident-session';
import { useDraftForm } from '../../hooks/use-draft-form';
import { LevelPicker } from './level-picker';
import { RatedCard } from './rated-card';
import { effectiveAnswers, isDissatisfied, ratingDrafts, ratingFieldOf, validateRating } from './rating-form';
import { ratingUrl, requestDetailUrl } from './rating-urls';
import './index.scss';

/** The answers that mean the ticket moved on meanwhile: show it as it now is. */
const STALE: readonly string[] = [ErrorCode.AlreadyRated, ErrorCode.RatingClosed, ErrorCode.NotRatable];

/** 服务评价: one rating per resolution of a ticket, within 7 days of it. */
export default function RatingPage() {
  const { params } = useRouter();
  const ticketId = Number(params.id);
  const [ticket, setTicket] = useState<ResidentTicketView | null>(null);
  const [failed, setFailed] = useState(false);
  const [given, setGiven] = useState<RatingView | null>(null);
  const restored = useRef(false);
  const rating = useDraftForm({
    store: ratingDrafts,
    validate: validateRating,
    send: (body: CreateRatingRequest, key) => rateTicket(ticketId, body, key, { silent: true }),
    fieldOf: ratingFieldOf,
    onRefused: (error) => {
      // Rated from another phone of the household, or the window closed: show it as it now is.
      if (!STALE.includes(error.code)) return;
      ratingDrafts.clear();
      void load();
    },
  });
  const { form, errors, notice, failure, busy, change } = rating;

  async function load() {
    if (!requireResident(ratingUrl(ticketId))) return;
    try {
      setTicket(await getMyTicket(ticketId));
      setFailed(false);
    } catch {
      setFailed(true);
    }
    if (restored.current) return;
    restored.current = true;
    rating.restore((saved) => saved.ticketId === ticketId);
  }
  useDidShow(() => void load());

  async function submit() {
    const answer = await rating.submit();
    if (!answer) return;
    setGiven(answer);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }

  const openDetail = () => void Taro.redirectTo({ url: requestDetailUrl(ticketId) });

  if (given) {
    const bad = isDissatisfied(given.level);
    return (
      <View className="page rating">
        <View id="rating-thanks" className="card rating__thanks">
          <Text className="rating__thanks-title">{bad ? '已收到您的评价' : '感谢您的评价'}</Text>
          <Text className="muted">
            {bad
              ? '很抱歉这次服务没有让您满意。您的意见已转专人跟进，进度可在“我的报修”中查看。'
              : '您的评价会反馈给为您服务的工作人员。'}
          </Text>
        </View>
        <RatedCard rating={given} />
        <ActionButton id="rating-view-request" tone="secondary" onClick={openDetail}>
          查看工单进度
        </ActionButton>
      </View>
    );
  }

  if (!ticket) return <Text className="empty">{failed ? '工单加载失败，请返回重试' : '加载中…'}</Text>;
  const state = ticket.rating;
  const header = (
    <View className="card">
      <Text className="card__title">{ticket.typeLabel}</Text>
      <Text id="rating-ticket-no" className="muted">
        {ticket.no} · {ticket.address}
      </Text>
      {ticket.technician ? <Text className="rating__who">服务人员：{ticket.technician.surname}师傅</Text> : null}
    </View>
  );

  if (!state?.canRate) {
    return (
      <View className="page rating">
        {header}
        {failure ? (
          <Text id="rating-error" className="notice">
            {failure}
          </Text>
        ) : null}
        {state?.rated ? (
          <RatedCard rating={state.rated} />
        ) : (
          <Text id="rating-closed" className="empty">
            {state?.closesAt && Date.parse(state.closesAt) < Date.now()
              ? '评价已截止（办结后7天内可评价）'
              : '工单办结后才能评价'}
          </Text>
        )}
        <ActionButton id="rating-view-request" tone="secondary" onClick={openDetail}>
          查看工单进度
        </ActionButton>
      </View>
    );
  }

  const answers = effectiveAnswers(form);
  return (
    <View className="page rating">
      {notice ? (
        <Text id="rating-notice" className="notice">
          {notice}
        </Text>
      ) : null}
      {header}
      <View className="card">
        <FormField label="总体评价" id="rating-level" error={errors.level}>
          <LevelPicker
            id="rating-level"
            size="large"
            value={form.level || undefined}
            onChange={(level) => change({ ticketId, level })}
          />
        </FormField>
        {RATING_QUESTIONS.map((q, i) => (
          <FormField
            key={q}
            label={RATING_QUESTION_LABELS[q]}
            id={`rating-${q}`}
            error={i === 0 ? errors.answers : undefined}
          >
            <LevelPicker
              id={`rating-${q}`}
              value={answers[q]}
              inherited={!form.answers[q]}
              onChange={(level) => change((f) => ({ ticketId, answers: { ...f.answers, [q]: level } }))}
            />
          </FormField>
        ))}
        <FormField label="意见和建议" id="rating-comment" error={errors.comment} optional>
          <Textarea
            id="rating-comment"
            className="field__textarea"
            placeholder={isDissatisfied(form.level) ? '请告诉我们哪里做得不好，我们会尽快改进' : '说说您的感受'}
            maxlength={500}
            value={form.comment}
            onInput={(e) => change({ ticketId, comment: e.detail.value })}
          />
        </FormField>
        {isDissatisfied(form.level) ? (
          <Text id="rating-followup-note" className="muted rating__note">
            {ticket?.type === TicketType.MisconductReport
              ? '提交“不满意”后，举报会重新处理，由专人跟进。'
              : '提交“不满意”后，将为您登记投诉，由专人跟进。'}
          </Text>
        ) : null}
        {failure ? (
          <Text id="rating-error" className="field__error">
            {failure}
          </Text>
        ) : null}
        {state.closesAt ? (
          <Text className="muted rating__note">请在 {formatFullTime(state.closesAt)} 前评价</Text>
        ) : null}
        <ActionButton id="rating-submit" busy={busy} onClick={submit}>
          提交评价
        </ActionButton>
      </View>
    </View>
  );
}
