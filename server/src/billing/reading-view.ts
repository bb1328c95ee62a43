import { ReadingView } from '@utility/shared';
import { MeterReading } from './meter-reading.entity';

export const toReadingView = (r: MeterReading, accountNo: string): ReadingView => ({
  id: r.id,
  accountNo,
  readOn: r.readOn,
  valueCentiM3: r.valueCentiM3,
  peakCentiKwh: r.peakCentiKwh ?? null,
  valleyCentiKwh: r.valleyCentiKwh ?? null,
  source: r.source,
  status: r.status,
  holdReason: r.holdReason,
  ticketId: r.ticketId,
});
