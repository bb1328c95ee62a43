import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  id?: string;
  /** `primary` goes forward, `secondary` steps aside, `danger` cannot be undone. */
  tone?: 'primary' | 'secondary' | 'danger';
  size?: 'block' | 'small';
  busy?: boolean;
  disabled?: boolean;
  className?: string;
  onClick: () => void;
  children: ReactNode;
}

/**
 * Taro's H5 button styles `[disabled]` and `[loading]` by attribute presence, so
 * `disabled="false"` would still grey it out: the attributes are only set when true.
 */
export function ActionButton({
  id,
  tone = 'primary',
  size = 'block',
  busy,
  disabled,
  className,
  onClick,
  children,
}: Props) {
  return (
    <Button
      id={id}
      className={`btn btn--${tone} btn--${size}${className ? ` ${className}` : ''}`}
      loading={busy || undefined}
      disabled={busy || disabled || undefined}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
