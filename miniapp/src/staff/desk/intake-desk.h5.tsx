import {
  TICKET_STATUS_LABELS,
  TICKET_TYPE_LABELS,
  TicketType,
  formatYuan,
  type KnowledgeArticleView,
  type TicketView,
} from '@utility/shared';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { UTILITY_LABELS } from '../../format/accounts';
import { findAccountHistory, type AccountHistoryView } from '../../services/api/account-history';
import { ApiRequestError, NETWORK_ERROR } from '../../services/api/request';
import { answerTicket } from '../../services/api/consultations';
import { createTicket } from '../../services/api/tickets';
import { LeakSafety } from '../intake/leak-safety';
import { KnowledgePicker, answerTextOf } from '../knowledge-picker';
import {
  clearDraft,
  errorsFromDetails,
  loadDraft,
  newDraft,
  saveDraft,
  validateIntake,
  withArticle,
  type IntakeErrors,
  type IntakeField,
} from '../intake/intake-form';
import { ACCOUNT_NO, fillAddress } from './account-fill';

/** What an agent files from a call; return visits are the system's own tasks. */
const TYPES = Object.values(TicketType).filter((t) => t !== TicketType.ReturnVisit);

type Lookup =
  | { state: 'idle' }
  | { state: 'loading'; accountNo: string }
  | { state: 'found'; history: AccountHistoryView }
  | { state: 'missing'; accountNo: string }
  | { state: 'failed'; accountNo: string };

function Field({
  id,
  label,
  error,
  wide,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div id={`${id}-field`} className={wide ? 'desk-field desk-field--wide' : 'desk-field'}>
      <label htmlFor={id} className="desk-field__label">
        {label}
      </label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="desk-field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function AccountCard({
  lookup,
  onOpenTicket,
  onOpenHistory,
}: {
  lookup: Lookup;
  onOpenTicket: (id: number) => void;
  onOpenHistory: (accountNo: string) => void;
}) {
  if (lookup.state === 'idle')
    return <div className="desk-muted">输入10位户号后自动查询客户档案、在办工单、欠费与隐患。</div>;
  if (lookup.state === 'loading') return <div className="desk-muted">正在查询户号 {lookup.accountNo}…</div>;
  if (lookup.state === 'missing')
    return (
      <div id="desk-account-missing" className="desk-notice desk-notice--warn">
        未找到户号 {lookup.accountNo}，请核对，或不填户号直接受理。
      </div>
    );
  if (lookup.state === 'failed')
    return <div className="desk-notice desk-notice--warn">户号查询暂不可用，请手工填写地址。</div>;
  const { account, openTickets, arrears, hazards } = lookup.history;
  const openHazards = hazards.filter((h) => !h.closedAt);
  return (
    <div id="desk-account" className="desk-account">
      <h3 className="desk-section__title">
        户号 {account.accountNo}
        {account.keyCustomer ? <span className="desk-tag desk-tag--high">重点用户</span> : null}
        {account.active ? null : <span className="desk-tag desk-tag--emergency">已销户</span>}
      </h3>
      <button
        type="button"
        id="desk-account-history"
        className="desk-link"
        onClick={() => onOpenHistory(account.accountNo)}
      >
        查看该户全部历史（工单、账单缴费、隐患、安检、评价、回访）
      </button>
      <section className="desk-section">
        <h4 className="desk-account__head">
          在办工单 <span className="desk-count">{openTickets.length}</span>
        </h4>
        {openTickets.length === 0 ? <div className="desk-muted">无</div> : null}
        <ul id="desk-account-tickets" className="desk-list">
          {openTickets.map((t: TicketView) => (
            <li key={t.id}>
              <button type="button" className="desk-link" tabIndex={-1} onClick={() => onOpenTicket(t.id)}>
                {t.no}
              </button>{' '}
              {TICKET_TYPE_LABELS[t.type]} · {TICKET_STATUS_LABELS[t.status]}
              <div className="desk-muted">{t.address}</div>
            </li>
          ))}
        </ul>
      </section>
      <section className="desk-section">
        <h4 className="desk-account__head">欠费</h4>
        <div
          id="desk-account-arrears"
          className={arrears.unpaidFen ? 'desk-arrears desk-arrears--owing' : 'desk-arrears'}
        >
          {arrears.unpaidFen
            ? `未缴 ${formatYuan(arrears.unpaidFen)}${arrears.overdueFen ? `（逾期 ${formatYuan(arrears.overdueFen)}）` : ''}`
            : '无欠费'}
        </div>
      </section>
      <section className="desk-section">
        <h4 className="desk-account__head">
          安全隐患 <span className="desk-count">{openHazards.length}</span>
        </h4>
        {openHazards.length === 0 ? <div className="desk-muted">无未整改隐患</div> : null}
        <ul id="desk-account-hazards" className="desk-list">
          {openHazards.map((h) => (
            <li key={h.id}>
              <span className={h.overdue ? 'desk-tag desk-tag--emergency' : 'desk-tag desk-tag--high'}>
                {h.severityLabel}
              </span>{' '}
              {h.itemLabel}：{h.note} · {h.statusLabel}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/**
 * 电话受理 at a desk: a two-column form the agent fills from the keyboard (tab order = reading
 * order, native selects, Enter files it), and the 户号 brings the account's facts and history.
 */
export function IntakeDesk({
  onOpenTicket,
  onOpenHistory,
}: {
  onOpenTicket: (ticketId: number) => void;
  onOpenHistory: (accountNo: string) => void;
}) {
  const [restored] = useState(() => loadDraft());
  const [draft, setDraft] = useState(() => restored ?? newDraft());
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [notice, setNotice] = useState(restored ? '已恢复上次未提交成功的受理单，请核对后提交' : '');
  const [filed, setFiled] = useState<TicketView | null>(null);
  const [busy, setBusy] = useState(false);
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const lastFill = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const accountRef = useRef<HTMLInputElement>(null);
  const { form } = draft;
  const accountNo = form.accountNo.trim();

  const set = (field: IntakeField, value: string) => setDraft((d) => ({ ...d, form: { ...d.form, [field]: value } }));

  useEffect(() => accountRef.current?.focus(), []);

  // The lookup follows the 户号 as it is typed; an answer for a 户号 no longer there is dropped.
  useEffect(() => {
    if (!ACCOUNT_NO.test(accountNo)) {
      setLookup({ state: 'idle' });
      return;
    }
    let current = true;
    setLookup({ state: 'loading', accountNo });
    findAccountHistory(accountNo).then(
      (history) => {
        if (!current) return;
        if (!history) return setLookup({ state: 'missing', accountNo });
        setLookup({ state: 'found', history });
        setDraft((d) => ({ ...d, form: fillAddress(d.form, history.account.address, lastFill.current) }));
        lastFill.current = history.account.address;
      },
      () => current && setLookup({ state: 'failed', accountNo }),
    );
    return () => {
      current = false;
    };
  }, [accountNo]);

  function reset() {
    clearDraft();
    setDraft(newDraft());
    setErrors({});
    setNotice('');
    lastFill.current = null;
    accountRef.current?.focus();
  }

  /** One click on an article: a question is filed and answered at once; other requests get its text. */
  async function takeArticle(article: KnowledgeArticleView) {
    const filled = withArticle(form, article.title, answerTextOf(article));
    setDraft((d) => ({ ...d, form: filled }));
    if (form.type === TicketType.Consultation) await submit(filled, article);
  }

  async function submit(current = form, article?: KnowledgeArticleView) {
    if (busy) return;
    const result = validateIntake(current);
    if (!result.ok) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0];
      formRef.current?.querySelector<HTMLElement>(`#desk-intake-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const ticket = await createTicket(result.request, draft.idempotencyKey);
      // The ticket exists whatever happens to the answer: it can still be answered from its pane.
      if (article)
        await answerTicket(ticket.id, { text: answerTextOf(article), articleId: article.id }).catch(() => null);
      setFiled(ticket);
      reset();
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.code === NETWORK_ERROR) {
        saveDraft(draft);
        setNotice('网络异常，受理单已暂存在本机，网络恢复后请再次提交');
      } else if (error.details) {
        setErrors(errorsFromDetails(error.details));
      }
    } finally {
      setBusy(false);
    }
  }

  const account = lookup.state === 'found' ? lookup.history.account : null;
  const text = (field: Exclude<IntakeField, 'type'>, label: string, placeholder: string, wide = false) => (
    <Field id={`desk-intake-${field}`} label={label} error={errors[field]} wide={wide}>
      <input
        id={`desk-intake-${field}`}
        className="desk-input"
        placeholder={placeholder}
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
        aria-invalid={errors[field] ? true : undefined}
      />
    </Field>
  );

  return (
    <div className="desk-intake">
      <section className="desk-panel desk-intake__form">
        <header className="desk-panel__head">
          <h1 className="desk-panel__title">电话受理</h1>
          <span className="desk-muted">Tab 切换，Enter 提交（问题描述中 Shift+Enter 换行）</span>
        </header>
        {filed ? (
          <div id="desk-intake-filed" className="desk-notice desk-notice--ok">
            已受理：{TICKET_TYPE_LABELS[filed.type]} 工单 <strong id="desk-intake-filed-no">{filed.no}</strong>
            ，已进入「
            {filed.queueName}」。
            <button type="button" className="desk-link" onClick={() => onOpenTicket(filed.id)}>
              查看工单
            </button>
          </div>
        ) : null}
        {notice ? (
          <div id="intake-notice" className="desk-notice desk-notice--warn">
            {notice}
          </div>
        ) : null}
        <form
          id="desk-intake-form"
          ref={formRef}
          className="desk-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field id="desk-intake-accountNo" label="户号（选填）" error={errors.accountNo}>
            <input
              id="desk-intake-accountNo"
              ref={accountRef}
              className="desk-input"
              inputMode="numeric"
              maxLength={10}
              placeholder="10位数字，输入后自动查询"
              value={form.accountNo}
              onChange={(e) => set('accountNo', e.target.value.replace(/\D/g, ''))}
            />
          </Field>
          <Field id="desk-intake-type" label="工单类型" error={errors.type}>
            <select
              id="desk-intake-type"
              className="desk-input"
              value={form.type}
              onChange={(e) => set('type', e.target.value)}
            >
              <option value="">请选择工单类型</option>
              {TYPES.map((t) => (
                <option key={t} value={t}>
                  {TICKET_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="desk-account-holder" label="户主">
            <input
              id="desk-account-holder"
              className="desk-input"
              readOnly
              tabIndex={-1}
              value={account?.holderName ?? ''}
            />
          </Field>
          <Field id="desk-account-utility" label="业务 · 片区">
            <input
              id="desk-account-utility"
              className="desk-input"
              readOnly
              tabIndex={-1}
              value={
                account
                  ? `${UTILITY_LABELS[account.utility] ?? account.utility} · ${account.districtName} · ${account.stationName}`
                  : ''
              }
            />
          </Field>
          {form.type === TicketType.Leak ? (
            <div className="desk-field desk-field--wide">
              <LeakSafety />
            </div>
          ) : null}
          {text('contactName', '联系人', '来电人姓名')}
          {text('contactPhone', '联系电话', '手机号或固定电话（区号-号码）')}
          {text('address', '地址', '小区、楼栋、单元、门牌号（户号可自动带出）', true)}
          <Field id="desk-intake-description" label="问题描述" error={errors.description} wide>
            <textarea
              id="desk-intake-description"
              className="desk-input desk-textarea"
              placeholder="来电人描述的情况"
              maxLength={2000}
              value={form.description}
              onChange={(e) => set('description', e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  formRef.current?.requestSubmit();
                }
              }}
            />
          </Field>
          <div className="desk-actions desk-field--wide">
            <button type="submit" id="desk-intake-submit" className="desk-btn desk-btn--primary" disabled={busy}>
              提交工单（Enter）
            </button>
            <button type="button" id="desk-intake-reset" className="desk-btn" disabled={busy} onClick={reset}>
              清空重填
            </button>
          </div>
        </form>
      </section>
      <aside className="desk-panel desk-intake__account">
        <AccountCard lookup={lookup} onOpenTicket={onOpenTicket} onOpenHistory={onOpenHistory} />
        <section className="desk-section">
          <h3 className="desk-section__title">知识库</h3>
          <KnowledgePicker
            id="desk-knowledge"
            action={form.type === TicketType.Consultation ? '一键答复' : '填入描述'}
            onPick={takeArticle}
          />
        </section>
      </aside>
    </div>
  );
}
