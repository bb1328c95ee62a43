import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  label: string;
  /** Element id prefix: the message gets `${id}-error`. */
  id: string;
  error?: string;
  optional?: boolean;
  children: ReactNode;
}

export function FormField({ label, id, error, optional, children }: Props) {
  return (
    <View className={error ? 'field field--invalid' : 'field'}>
      <Text className="field__label">
        {label}
        {optional ? <Text className="muted">（选填）</Text> : null}
      </Text>
      {children}
      {error ? (
        <Text id={`${id}-error`} className="field__error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}
