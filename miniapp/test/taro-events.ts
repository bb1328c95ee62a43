import { act, fireEvent, waitFor } from '@testing-library/react';

export const byId = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element #${id}`);
  return element;
};

/**
 * Taro's Input/Textarea are Stencil elements (<taro-input-core>) that report typing as an
 * `input` CustomEvent. Wait until Stencil has rendered the inner field, as a person would.
 */
export async function typeInto(id: string, value: string) {
  const host = byId(id);
  await waitFor(() => expect(host.querySelector('input, textarea')).not.toBeNull());
  act(() => {
    host.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

/** Taro's Picker reports the chosen index as a `change` CustomEvent. */
export function pick(id: string, index: number) {
  act(() => {
    byId(id).dispatchEvent(new CustomEvent('change', { detail: { value: index } }));
  });
}

export async function tap(id: string) {
  await act(async () => fireEvent.click(byId(id)));
}
