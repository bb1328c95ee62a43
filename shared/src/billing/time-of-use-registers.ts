/**
 * A 峰谷 power meter's reading (docs/domain.md#readings): the total index and its peak (峰) and valley (谷)
 * registers, all in centiKwh. The registers are read together or not at all, and the total is their sum.
 */
export interface TimeOfUseRegisters {
  valueCentiKwh: number;
  peakCentiKwh: number | null;
  valleyCentiKwh: number | null;
}

/** What is wrong with the registers of one reading, in Chinese; null when they are consistent. */
export function timeOfUseRegistersError(reading: TimeOfUseRegisters): string | null {
  const { valueCentiKwh: total, peakCentiKwh: peak, valleyCentiKwh: valley } = reading;
  if (peak === null && valley === null) return null;
  if (peak === null || valley === null) return '峰段与谷段读数须同时填写';
  if (peak + valley !== total) return '峰段与谷段读数之和应等于总读数';
  return null;
}

/** A register below the previous reading's is held like a lower total (a replaced meter or a misread). */
export function timeOfUseRegistersBelow(
  previous: { peakCentiKwh: number | null; valleyCentiKwh: number | null },
  reading: { peakCentiKwh: number | null; valleyCentiKwh: number | null },
): boolean {
  if (previous.peakCentiKwh === null || reading.peakCentiKwh === null) return false;
  return reading.peakCentiKwh < previous.peakCentiKwh || reading.valleyCentiKwh! < previous.valleyCentiKwh!;
}
