import { useState } from 'react';
import type { FormDraft, formDraftStore } from './form-draft';
import { newIdempotencyKey } from '../services/idempotency-key';
import { ApiRequestError, NETWORK_ERROR } from '../services/api/request';

export type FieldErrors = Record<string, string>;
export type Checked<R> = { ok: true; request: R } | { ok: false; errors: FieldErrors };

interface Options<F extends object, R, A> {
  store: ReturnType<typeof formDraftStore<F>>;
  validate: (form: F) => Checked<R>;
  send: (request: R, idempotencyKey: string) => Promise<A>;
  /** The form field a server detail path (`text`, `fields.phone`, `photoIds.id_card`) belongs to. */
  fieldOf: (path: string) => string | undefined;
  /** A refusal that names no field (already rated, closed…), after its message is shown. */
  onRefused?: (error: ApiRequestError) => void;
}

export const KEPT_NOTICE = '网络异常，内容已暂存在本机，网络恢复后请再次提交';
export const RESTORED_NOTICE = '已恢复上次未提交成功的内容，请核对后提交';

/** Field errors from zod issues or the server's VALIDATION_FAILED details: the first message per field. */
export function errorsByField(
  issues: { path: string; message: string }[],
  fieldOf: (path: string) => string | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of issues) {
    const field = fieldOf(path);
    if (field) errors[field] ??= message;
  }
  return errors;
}

/**
 * A resident's request form as the 报修 form works: an edited fill gets a new Idempotency-Key, a
 * fill the network swallowed is kept on the device with its key (a resend is then answered, not
 * doubled), and the server's refusals land on the fields they name.
 */
export function useDraftForm<F extends object, R, A>({ store, validate, send, fieldOf, onRefused }: Options<F, R, A>) {
  const [draft, setDraft] = useState<FormDraft<F>>(() => store.newDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const change = (patch: Partial<F> | ((form: F) => Partial<F>)) =>
    setDraft((d) => ({
      form: { ...d.form, ...(typeof patch === 'function' ? patch(d.form) : patch) },
      idempotencyKey: newIdempotencyKey(),
    }));

  /** Offers the kept fill again when `fits` it (same account, same ticket…); true when it did. */
  function restore(fits: (form: F) => boolean): boolean {
    const saved = store.load();
    if (!saved || !fits(saved.form)) return false;
    setDraft(saved);
    setNotice(RESTORED_NOTICE);
    return true;
  }

  /** The server's answer, or null when it was refused or kept for later (the page shows why). */
  async function submit(): Promise<A | null> {
    if (busy) return null;
    const checked = validate(draft.form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return null;
    }
    setErrors({});
    setFailure('');
    setBusy(true);
    try {
      const answer = await send(checked.request, draft.idempotencyKey);
      store.clear();
      setNotice('');
      return answer;
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.code === NETWORK_ERROR) {
        store.save(draft);
        setNotice(KEPT_NOTICE);
      } else if (error.details?.length) {
        const byField = errorsByField(error.details, fieldOf);
        if (Object.keys(byField).length > 0) setErrors(byField);
        else setFailure(error.message);
      } else {
        setFailure(error.message);
        onRefused?.(error);
      }
      return null;
    } finally {
      setBusy(false);
    }
  }

  return {
    form: draft.form,
    idempotencyKey: draft.idempotencyKey,
    change,
    restore,
    submit,
    errors,
    setErrors,
    notice,
    failure,
    busy,
  };
}
