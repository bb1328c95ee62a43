import { Text, Textarea, View } from '@tarojs/components';
import { RATING_LEVELS, RATING_LEVEL_LABELS, type ReturnVisitView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { recordVisitAttempt } from '../../services/api/return-visits';
import { EMPTY_VISIT_FORM, outcomeHint, validateVisitAttempt, type VisitErrors, type VisitForm } from './visit-form';

interface Props {
  visit: ReturnVisitView;
  /** The visit as the server answered, or null after a refusal (reload it). */
  onRecorded: (visit: ReturnVisitView | null) => void;
}

function Choice({ id, on, label, onClick }: { id: string; on: boolean; label: string; onClick: () => void }) {
  return (
    <View id={id} className={on ? 'choice choice--on' : 'choice'} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  );
}

/** 记录本次回访: reached or not; when reached, the resident's level, whether it is fixed, and a note. */
export function AttemptForm({ visit, onRecorded }: Props) {
  const [form, setForm] = useState<VisitForm>(EMPTY_VISIT_FORM);
  const [errors, setErrors] = useState<VisitErrors>({});
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<VisitForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit() {
    const checked = validateVisitAttempt(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const updated = await recordVisitAttempt(visit.id, checked.request);
      setForm(EMPTY_VISIT_FORM);
      onRecorded(updated);
    } catch {
      // Shown by the wrapper (e.g. 该回访已结束); the visit may have moved on.
      onRecorded(null);
    } finally {
      setBusy(false);
    }
  }

  const hint = outcomeHint(form, visit.attemptsLeft);
  return (
    <View className="card">
      <Text className="card__title">记录第{visit.attempts.length + 1}次回访</Text>
      <FormField label="是否接通" id="visit-reached" error={errors.reached}>
        <View className="choices">
          <Choice
            id="visit-reached-yes"
            on={form.reached === true}
            label="已接通"
            onClick={() => change({ reached: true })}
          />
          <Choice
            id="visit-reached-no"
            on={form.reached === false}
            label="未接通"
            onClick={() => change({ reached: false })}
          />
        </View>
      </FormField>
      {form.reached ? (
        <>
          <FormField label="居民满意程度" id="visit-level" error={errors.level}>
            <View className="choices choices--wrap">
              {RATING_LEVELS.map((level) => (
                <Choice
                  key={level}
                  id={`visit-level-${level}`}
                  on={form.level === level}
                  label={RATING_LEVEL_LABELS[level]}
                  onClick={() => change({ level })}
                />
              ))}
            </View>
          </FormField>
          <FormField label="问题是否解决" id="visit-fixed" error={errors.fixed}>
            <View className="choices">
              <Choice
                id="visit-fixed-yes"
                on={form.fixed === true}
                label="已解决"
                onClick={() => change({ fixed: true })}
              />
              <Choice
                id="visit-fixed-no"
                on={form.fixed === false}
                label="未解决"
                onClick={() => change({ fixed: false })}
              />
            </View>
          </FormField>
        </>
      ) : null}
      <FormField label="回访记录" id="visit-note" error={errors.note} optional>
        <Textarea
          id="visit-note"
          className="field__textarea"
          placeholder={form.reached === false ? '如：无人接听、关机' : '居民的原话和意见'}
          maxlength={1000}
          value={form.note}
          onInput={(e) => change({ note: e.detail.value })}
        />
      </FormField>
      {hint ? (
        <Text id="visit-hint" className="notice">
          {hint}
        </Text>
      ) : null}
      <ActionButton id="visit-submit" busy={busy} onClick={submit}>
        记录回访
      </ActionButton>
    </View>
  );
}
