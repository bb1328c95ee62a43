import { Picker } from '@tarojs/components';
import type { ComponentProps, ReactNode } from 'react';
import { useDeskLayout } from '../hooks/desk-layout';

export interface DeskPickerProps {
  id?: string;
  /** `selector` chooses from `range` (the value is its index); `date` (or a month) and `time` as Taro's Picker. */
  mode: 'selector' | 'date' | 'time';
  range?: readonly string[];
  value: number | string;
  fields?: 'day' | 'month';
  onChange: (e: { detail: { value: string | number } }) => void;
  /** What the phone's wheel picker is opened by. */
  children: ReactNode;
}

/**
 * Taro's wheel picker on a phone; at a desk (≥ 1024 px) the browser's own control — a native select, a date,
 * month or time field — which the mouse and the keyboard both work (docs/architecture.md "The desk console").
 */
export function DeskPicker(props: DeskPickerProps) {
  const desk = useDeskLayout();
  const { id, mode, range, value, fields, onChange, children } = props;
  if (!desk) return <Picker {...(props as unknown as ComponentProps<typeof Picker>)}>{children}</Picker>;
  const emit = (next: string | number) => onChange({ detail: { value: next } });
  if (mode === 'selector')
    return (
      <select id={id} className="desk-select" value={String(value)} onChange={(e) => emit(Number(e.target.value))}>
        {(range ?? []).map((label, i) => (
          <option key={label} value={i}>
            {label}
          </option>
        ))}
      </select>
    );
  const type = mode === 'time' ? 'time' : fields === 'month' ? 'month' : 'date';
  const shown = type === 'month' ? String(value).slice(0, 7) : String(value);
  return (
    <input
      id={id}
      className="desk-select"
      type={type}
      value={shown}
      onChange={(e) => e.target.value && emit(e.target.value)}
    />
  );
}
