import './mock-sheet.scss';

interface SheetSpec<T> {
  title: string;
  note: string;
  /** Adds the sheet's fields to its body. */
  build: (body: HTMLElement) => void;
  /** The answer from the fields, or what to say when they are not right yet. */
  read: () => { value: T } | { error: string };
  confirmId: string;
  cancelId: string;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

/**
 * H5 only: a stand-in for a sheet WeChat itself shows (phone authorisation, subscribe
 * consent), so it is plain DOM over the page rather than part of the app's UI. Resolves with
 * the answer on 确定 and null on 取消.
 */
export function openMockSheet<T>(spec: SheetSpec<T>): Promise<T | null> {
  const mask = element('div', 'mock-sheet');
  const panel = element('div', 'mock-sheet__panel');
  const body = element('div', 'mock-sheet__body');
  const error = element('div', 'mock-sheet__error');
  const cancel = element('button', 'mock-sheet__btn', '取消');
  const confirm = element('button', 'mock-sheet__btn mock-sheet__btn--primary', '确定');
  cancel.id = spec.cancelId;
  confirm.id = spec.confirmId;
  const foot = element('div', 'mock-sheet__foot');
  foot.append(cancel, confirm);
  panel.append(
    element('div', 'mock-sheet__title', spec.title),
    element('div', 'mock-sheet__note', spec.note),
    body,
    error,
    foot,
  );
  spec.build(body);
  mask.append(panel);
  document.body.append(mask);

  return new Promise((resolve) => {
    const close = (value: T | null) => {
      mask.remove();
      resolve(value);
    };
    cancel.onclick = () => close(null);
    confirm.onclick = () => {
      const answer = spec.read();
      if ('value' in answer) close(answer.value);
      else error.textContent = answer.error;
    };
  });
}
