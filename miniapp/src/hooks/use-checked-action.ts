import { useState } from 'react';
import { ApiRequestError } from '../services/api/request';

/** What a shared zod schema's `safeParse` answers, as far as a form needs it. */
interface Checks<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

/**
 * A staff card's action (答复, 办理意见, 改约, 联系用户…): the input is checked by the shared schema the server
 * checks it with, then sent; the first complaint of either is the card's one error line, and `busy` names
 * the action under way (a card with two buttons shows which one is working).
 */
export function useCheckedAction<K extends string = 'send'>() {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<K | null>(null);

  async function run<T>(schema: Checks<T>, input: unknown, send: (valid: T) => Promise<void>, which = 'send' as K) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setError('');
    setBusy(which);
    try {
      await send(parsed.data);
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
      setError(e.message);
    } finally {
      setBusy(null);
    }
  }

  return { error, setError, busy, run };
}
