import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ResidentStep, formatYuan, type ResidentTicketView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { acceptQuote } from '../../services/api/my-tickets';

/** While the job is under way a quote can still be agreed to. */
const UNDER_WAY: readonly ResidentStep[] = [ResidentStep.Dispatched, ResidentStep.OnTheWay, ResidentStep.Arrived];

interface Props {
  ticket: ResidentTicketView;
  onChanged: (ticket: ResidentTicketView) => void;
  /** Refused (a newer quote came meanwhile): reload and show it. */
  onRefused: () => void;
}

/**
 * 维修报价 (docs/domain.md#charges): what the technician asks to be paid, from the price list,
 * for the resident to agree to before the work — or to refuse by simply not accepting.
 */
export function QuoteCard({ ticket, onChanged, onRefused }: Props) {
  const [busy, setBusy] = useState(false);
  const quote = ticket.quote;
  if (!quote) return null;
  const canAccept = quote.status === 'pending' && UNDER_WAY.includes(ticket.step);

  async function accept() {
    if (!quote) return;
    setBusy(true);
    try {
      onChanged(await acceptQuote(ticket.id, quote.id));
      void Taro.showToast({ title: '已同意报价', icon: 'success' });
    } catch {
      // Shown by the wrapper.
      onRefused();
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id="request-quote" className="card quote">
      <Text className="card__title">维修报价</Text>
      {quote.lines.map((l) => (
        <View key={l.code} className="row quote__line">
          <Text>
            {l.name} × {l.qty}
            {l.unit}
          </Text>
          <Text>{formatYuan(l.amountFen)}</Text>
        </View>
      ))}
      <View className="row quote__line quote__total">
        <Text>合计</Text>
        <Text id="request-quote-total">{formatYuan(quote.totalFen)}</Text>
      </View>
      {quote.status === 'accepted' ? (
        <Text id="request-quote-status" className="text-ok">
          {quote.acceptedVia === 'signature' ? '您已在师傅手机上签字同意报价' : '您已同意报价'}
        </Text>
      ) : (
        <Text id="request-quote-status" className="muted">
          价格按公司价目表计算。同意后师傅再施工；不同意可与师傅沟通或拒绝收费项目。
        </Text>
      )}
      {canAccept ? (
        <ActionButton id="request-quote-accept" busy={busy} onClick={() => void accept()}>
          同意报价 {formatYuan(quote.totalFen)}
        </ActionButton>
      ) : null}
    </View>
  );
}
