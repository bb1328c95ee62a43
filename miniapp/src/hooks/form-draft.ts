import Taro from '@tarojs/taro';
import { newIdempotencyKey } from '../services/idempotency-key';

/** One form fill: its fields and the key that makes a resubmission the same request. */
export interface FormDraft<F> {
  form: F;
  idempotencyKey: string;
}

/**
 * A form fill kept on the device when the network swallowed its submission, so the person
 * can send it again later with the same Idempotency-Key (the server then answers with what
 * it already did instead of doing it twice).
 */
export function formDraftStore<F extends object>(storageKey: string, empty: F) {
  return {
    newDraft(): FormDraft<F> {
      return { form: { ...empty }, idempotencyKey: newIdempotencyKey() };
    },
    load(): FormDraft<F> | null {
      const draft = Taro.getStorageSync<FormDraft<F>>(storageKey);
      return draft && draft.form && draft.idempotencyKey ? draft : null;
    },
    save(draft: FormDraft<F>): void {
      Taro.setStorageSync(storageKey, draft);
    },
    clear(): void {
      Taro.removeStorageSync(storageKey);
    },
  };
}
