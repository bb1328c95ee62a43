import { Text, View } from '@tarojs/components';
import { formatYuan } from '@utility/shared';
import { lineFormula, lineName, type BillLine } from './bill-format';
import './bill-lines.scss';

/** A line split by a new year or a tariff change says which days it covers. */
function lineDays(line: BillLine, lines: BillLine[]): string | null {
  const split = lines.some((other) => other.from !== line.from || other.to !== line.to);
  return split ? `${line.from} 至 ${line.to}` : null;
}

interface Props {
  lines: BillLine[];
  amountFen: number;
  /** Element ids: `${idPrefix}-line-1` …, `${idPrefix}-total`. */
  idPrefix: string;
}

/** One row per tier (第1阶梯 …): quantity × unit price = amount; they add up to the total. */
export function BillLines({ lines, amountFen, idPrefix }: Props) {
  return (
    <View className="bill-lines">
      {lines.map((line, i) => {
        const days = lineDays(line, lines);
        return (
          <View key={i} id={`${idPrefix}-line-${i + 1}`} className="bill-line">
            <View className="row">
              <Text className="bill-line__name">{lineName(line)}</Text>
              <Text className="bill-line__amount">{formatYuan(line.amountFen)}</Text>
            </View>
            <Text className="bill-line__formula muted">
              {lineFormula(line)} = {formatYuan(line.amountFen)}
            </Text>
            {days ? <Text className="bill-line__days muted">{days}</Text> : null}
          </View>
        );
      })}
      <View id={`${idPrefix}-total`} className="row bill-lines__total">
        <Text>合计</Text>
        <Text className="bill-lines__total-amount">{formatYuan(amountFen)}</Text>
      </View>
    </View>
  );
}
