import { formatHundredths, formatYuan, type BillView } from '@utility/shared';

export type BillLine = BillView['lines'][number];

/** '2026-10' → '2026年10月'. */
export function periodLabel(period: string): string {
  const [year, month] = period.split('-');
  return `${year}年${Number(month)}月`;
}

/** A meter index or volume in hundredths of m³ → '1,234.56'; no reading yet → '—'. */
export const cubicMetres = (centiM3: number | null) => (centiM3 === null ? '—' : formatHundredths(centiM3));

const TIME_OF_USE = { peak: '峰', valley: '谷' } as const;

/** 第1阶梯 for gas; 第1阶梯（峰） for power on a 峰谷 meter; 采暖费 for heating. */
export function lineName(line: BillLine): string {
  if (line.kind === 'gas_tier' && line.tier) return `第${line.tier}阶梯`;
  if (line.kind === 'power_tier' && line.tier)
    return `第${line.tier}阶梯${line.timeOfUse ? `（${TIME_OF_USE[line.timeOfUse]}）` : ''}`;
  return line.kind === 'heating' ? '采暖费' : line.kind;
}

/** 4883 (0.01 fen) → '¥0.4883': electricity prices are published to the 0.0001 元. */
const yuanOfCentiFen = (c: number) => `¥${Math.floor(c / 10_000)}.${String(c % 10_000).padStart(4, '0')}`;

/** quantity × unit price = amount, as printed on the bill: '120.50 m³ × ¥3.45/m³', '60.00 kWh × ¥0.4883/kWh'. */
export function lineFormula(line: BillLine): string {
  if (line.kind === 'power_tier') {
    const price =
      line.unitPriceCentiFen !== undefined ? yuanOfCentiFen(line.unitPriceCentiFen) : formatYuan(line.unitPriceFen);
    return `${formatHundredths(line.quantity)} kWh × ${price}/kWh`;
  }
  const unit = line.kind === 'heating' ? 'm²' : 'm³';
  return `${formatHundredths(line.quantity)} ${unit} × ${formatYuan(line.unitPriceFen)}/${unit}`;
}

/** Unpaid bills, the oldest due first, and the history, newest period first, whatever order they came in. */
export function splitBills(bills: BillView[]): { unpaid: BillView[]; history: BillView[] } {
  const unpaid = bills.filter((b) => b.status === 'unpaid').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const history = bills.filter((b) => b.status !== 'unpaid').sort((a, b) => b.period.localeCompare(a.period));
  return { unpaid, history };
}
