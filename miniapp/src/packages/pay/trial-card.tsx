import { Text, View } from '@tarojs/components';
import { formatYuan, type TrialBillView } from '@utility/shared';
import { BillLines } from './bill-lines';
import { cubicMetres } from './bill-format';

/** What the reading would bill today; a held reading waits for staff instead. */
export function TrialCard({ result }: { result: TrialBillView }) {
  const { reading, trial } = result;
  if (reading.status === 'held') {
    return (
      <View id="reading-held" className="card">
        <Text className="card__title">读数已提交，待人工核对</Text>
        <Text className="notice">
          该读数需要工作人员核对，核对无误后再计费，无需重复提交。如有需要，工作人员会与您联系。
        </Text>
        {reading.holdReason ? (
          <Text id="reading-hold-reason" className="muted trial__reason">
            原因：{reading.holdReason}
          </Text>
        ) : null}
        <Text className="muted">读数 {cubicMetres(reading.valueCentiM3)} m³</Text>
      </View>
    );
  }
  return (
    <View id="reading-accepted" className="card">
      <Text className="card__title">读数已提交</Text>
      <Text className="muted">读数 {cubicMetres(reading.valueCentiM3)} m³</Text>
      {trial ? (
        <View className="trial">
          <Text className="trial__label">按此读数试算，下期账单约为</Text>
          <Text id="trial-amount" className="trial__amount">
            {formatYuan(trial.amountFen)}
          </Text>
          <Text className="muted">
            {trial.fromOn} 至 {trial.toOn} · 用气 {cubicMetres(trial.volumeCentiM3)} m³
          </Text>
          <BillLines lines={trial.lines} amountFen={trial.amountFen} idPrefix="trial" />
          <Text className="muted trial__note">试算仅供参考，以正式账单为准</Text>
        </View>
      ) : (
        <Text id="trial-none" className="notice">
          本期暂无可试算的费用，出账后可在账单中查看
        </Text>
      )}
    </View>
  );
}
