import { Text, View } from '@tarojs/components';
import { formatYuan, priceQuote, type FieldJobView, type QuoteView, type RepairPriceItem } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { Photo } from '../../components/photo-grid';
import { quotablePriceList, sendQuote, signQuote } from '../../services/api/field-jobs';
import { ApiRequestError } from '../../services/api/request';
import { SignatureConfirmation } from './signature-confirmation';

interface Props {
  job: FieldJobView;
  onChanged: (job: FieldJobView) => void;
  /** Reloads the job: has the resident agreed in the app yet? */
  onRefresh: () => Promise<void>;
}

/** The lines of a quote, as the resident sees them too. */
export function QuoteLines({ quote, idPrefix }: { quote: Pick<QuoteView, 'lines' | 'totalFen'>; idPrefix: string }) {
  return (
    <View id={`${idPrefix}-lines`} className="quote__lines">
      {quote.lines.map((l) => (
        <View key={l.code} className="row quote__line">
          <Text className="quote__name">
            {l.name} × {l.qty}
            {l.unit}
          </Text>
          <Text className="quote__amount">{formatYuan(l.amountFen)}</Text>
        </View>
      ))}
      <View className="row quote__line quote__total">
        <Text>合计</Text>
        <Text id={`${idPrefix}-total`}>{formatYuan(quote.totalFen)}</Text>
      </View>
    </View>
  );
}

/**
 * 报价 before chargeable work (docs/domain.md#charges): items from the price list and quantities;
 * the resident accepts in the miniapp or signs here. The amounts are the server's; the preview
 * prices from the same list, the operator's as the server sends it.
 */
export function QuotePanel({ job, onChanged, onRefresh }: Props) {
  const [qty, setQty] = useState<Record<string, number>>({});
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [signature, setSignature] = useState<Photo | null>(null);
  const [list, setList] = useState<RepairPriceItem[] | null>(null);
  const quote = job.quote ?? null;
  const items = Object.entries(qty)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => ({ code, qty: n }));
  const preview = priceQuote(items, list ?? []);

  function edit() {
    setEditing(true);
    // The list is the operator's: read when a quote is made, not built into the app.
    if (!list) void quotablePriceList().then(setList, () => setEditing(false));
  }

  const bump = (code: string, by: number) =>
    setQty((q) => ({ ...q, [code]: Math.max(0, Math.min(99, (q[code] ?? 0) + by)) }));

  async function run(action: () => Promise<FieldJobView>) {
    setBusy(true);
    setError('');
    try {
      onChanged(await action());
      return true;
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
      setError(e.message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function send() {
    if (!items.length) return setError('请至少选择一项收费项目');
    if (await run(() => sendQuote(job.id, { items }))) {
      setEditing(false);
      setQty({});
      setSignature(null);
    }
  }

  async function signed(photo: Photo | null) {
    setSignature(photo);
    if (photo && quote) await run(() => signQuote(job.id, { quoteId: quote.id, photoId: photo.id }));
  }

  return (
    <View id="job-quote" className="card quote">
      <Text className="card__title">收费报价</Text>
      {quote && !editing ? (
        <View>
          <QuoteLines quote={quote} idPrefix="job-quote" />
          <Text id="job-quote-status" className={quote.status === 'accepted' ? 'text-ok' : 'muted'}>
            {quote.status === 'accepted'
              ? `居民已${quote.acceptedVia === 'signature' ? '签字' : '在小程序中'}同意报价`
              : '已发送，等待居民在小程序中同意（下拉刷新查看），或请居民在下方签字'}
          </Text>
          {quote.status === 'pending' ? (
            <View>
              <ActionButton id="job-quote-refresh" tone="secondary" size="small" onClick={() => void onRefresh()}>
                刷新，查看居民是否已同意
              </ActionButton>
              <SignatureConfirmation signature={signature} onSaved={(p) => void signed(p)} idPrefix="quote" />
            </View>
          ) : null}
          <ActionButton id="job-quote-edit" tone="secondary" size="small" onClick={edit}>
            修改报价（居民须重新同意）
          </ActionButton>
        </View>
      ) : null}
      {!quote && !editing ? (
        <View>
          <Text className="muted">需要收费的维修，须先按价目表报价，经居民同意后再施工。</Text>
          <ActionButton id="job-quote-new" tone="secondary" size="small" onClick={edit}>
            按价目表报价
          </ActionButton>
        </View>
      ) : null}
      {editing ? (
        <View>
          {(list ?? []).map((item) => (
            <View key={item.code} id={`job-quote-item-${item.code}`} className="row quote__item">
              <View className="quote__item-text">
                <Text className="quote__name">{item.name}</Text>
                <Text className="muted">
                  {formatYuan(item.unitFen)}/{item.unit}
                </Text>
              </View>
              <View className="row quote__stepper">
                <Text id={`job-quote-minus-${item.code}`} className="quote__step" onClick={() => bump(item.code, -1)}>
                  －
                </Text>
                <Text id={`job-quote-qty-${item.code}`} className="quote__qty">
                  {qty[item.code] ?? 0}
                </Text>
                <Text id={`job-quote-plus-${item.code}`} className="quote__step" onClick={() => bump(item.code, 1)}>
                  ＋
                </Text>
              </View>
            </View>
          ))}
          <View className="row quote__line quote__total">
            <Text>合计</Text>
            <Text id="job-quote-preview">{formatYuan(preview.totalFen)}</Text>
          </View>
          <ActionButton id="job-quote-send" busy={busy} onClick={() => void send()}>
            发送报价给居民
          </ActionButton>
          <ActionButton id="job-quote-cancel" tone="secondary" size="small" onClick={() => setEditing(false)}>
            取消
          </ActionButton>
        </View>
      ) : null}
      {error ? (
        <Text id="job-quote-error" className="field__error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}
