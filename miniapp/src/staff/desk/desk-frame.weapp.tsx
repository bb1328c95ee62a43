import type { ComponentType } from 'react';

/** The mini-program is the field's phones: a page is itself, without the desk's shell (desk-frame.h5.tsx). */
export function withDeskFrame<P extends object>(
  Page: ComponentType<P>,
  _id: string,
  _title: string,
  _options: { bare?: boolean } = {},
): ComponentType<P> {
  return Page;
}
