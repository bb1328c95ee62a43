import { fireEvent, render } from '@testing-library/react';
import { DeskPicker } from './desk-picker.h5';

function atWidth(desk: boolean) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: () => ({ matches: desk, addEventListener: () => undefined, removeEventListener: () => undefined }),
  });
}

afterEach(() => {
  delete (window as { matchMedia?: unknown }).matchMedia;
});

describe('DeskPicker', () => {
  it('at a desk is a native select; choosing answers the index, as the wheel picker does', () => {
    atWidth(true);
    const onChange = jest.fn();
    render(
      <DeskPicker id="kind" mode="selector" range={['居民', '非居民']} value={0} onChange={onChange}>
        <span>居民</span>
      </DeskPicker>,
    );
    const select = document.getElementById('kind') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect([...select.options].map((o) => o.text)).toEqual(['居民', '非居民']);
    fireEvent.change(select, { target: { value: '1' } });
    expect(onChange).toHaveBeenCalledWith({ detail: { value: 1 } });
  });

  it('at a desk a month picker is a month field answering YYYY-MM', () => {
    atWidth(true);
    const onChange = jest.fn();
    render(
      <DeskPicker id="period" mode="date" fields="month" value="2026-11" onChange={onChange}>
        <span>2026-11</span>
      </DeskPicker>,
    );
    const input = document.getElementById('period') as HTMLInputElement;
    expect(input.type).toBe('month');
    fireEvent.change(input, { target: { value: '2026-10' } });
    expect(onChange).toHaveBeenCalledWith({ detail: { value: '2026-10' } });
  });

  it('on a phone is the wheel picker opened by its children', () => {
    atWidth(false);
    render(
      <DeskPicker id="kind" mode="selector" range={['居民', '非居民']} value={0} onChange={() => undefined}>
        <span id="kind-label">居民</span>
      </DeskPicker>,
    );
    expect(document.querySelector('select')).toBeNull();
    expect(document.getElementById('kind-label')?.textContent).toBe('居民');
  });
});
