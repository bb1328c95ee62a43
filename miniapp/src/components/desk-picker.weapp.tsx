import { Picker } from '@tarojs/components';
import type { ComponentProps, ReactNode } from 'react';

export interface DeskPickerProps {
  id?: string;
  mode: 'selector' | 'date' | 'time';
  range?: readonly string[];
  value: number | string;
  fields?: 'day' | 'month';
  onChange: (e: { detail: { value: string | number } }) => void;
  children: ReactNode;
}

/** The mini-program always has the phone's wheel picker (desk-picker.h5.tsx has the desk's native controls). */
export function DeskPicker(props: DeskPickerProps) {
  return <Picker {...(props as unknown as ComponentProps<typeof Picker>)}>{props.children}</Picker>;
}
