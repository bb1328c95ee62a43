import { Text, Textarea, View } from '@tarojs/components';
import {
  HAZARD_SEVERITY_LABELS,
  HazardSeverity,
  type ChecklistItemView,
  type InspectionItemCode,
} from '@utility/shared';
import { ActionButton } from '../../components/action-button';
import { PhotoGrid } from '../../components/photo-grid';
import { MAX_PHOTOS } from '../../services/api/uploads';
import { entryOf, type InspectionErrors, type InspectionForm, type ItemEntry } from './inspection-form';

interface Props {
  checklist: ChecklistItemView[];
  form: InspectionForm;
  errors: InspectionErrors;
  onItem: (code: InspectionItemCode, patch: Partial<ItemEntry> | ((entry: ItemEntry) => Partial<ItemEntry>)) => void;
  onPassRemaining: () => void;
}

const SEVERITIES = [HazardSeverity.Critical, HazardSeverity.Serious, HazardSeverity.General];

function Choice({
  id,
  on,
  tone,
  onClick,
  children,
}: {
  id: string;
  on: boolean;
  tone?: 'fail';
  onClick: () => void;
  children: string;
}) {
  return (
    <View
      id={id}
      className={`choice${on ? ' choice--on' : ''}${on && tone ? ` choice--${tone}` : ''}`}
      onClick={onClick}
    >
      <Text>{children}</Text>
    </View>
  );
}

/** 检查项: each item 合格 or 不合格; a failure takes what was seen, a photo and (optionally) its grading. */
export function ChecklistPanel({ checklist, form, errors, onItem, onPassRemaining }: Props) {
  return (
    <View className="card checklist">
      <View className="row">
        <Text className="card__title checklist__title">检查项</Text>
        <ActionButton id="visit-pass-remaining" tone="secondary" size="small" onClick={onPassRemaining}>
          其余全部合格
        </ActionButton>
      </View>
      {errors.items ? <Text className="field__error">{errors.items}</Text> : null}
      {checklist.map(({ code, label }) => {
        const entry = entryOf(form, code);
        const id = `visit-item-${code}`;
        return (
          <View
            key={code}
            id={id}
            className={errors[code] ? 'checklist__item checklist__item--invalid' : 'checklist__item'}
          >
            <View className="row">
              <Text className="checklist__label">{label}</Text>
              <View className="choices checklist__choices">
                <Choice id={`${id}-ok`} on={entry.ok === true} onClick={() => onItem(code, { ok: true, severity: '' })}>
                  合格
                </Choice>
                <Choice
                  id={`${id}-fail`}
                  on={entry.ok === false}
                  tone="fail"
                  onClick={() => onItem(code, { ok: false })}
                >
                  不合格
                </Choice>
              </View>
            </View>
            {entry.ok === false ? (
              <View className="checklist__failure">
                <Textarea
                  id={`${id}-note`}
                  className="field__textarea"
                  placeholder="隐患说明，如：灶前胶管老化龟裂、长度超过2米"
                  maxlength={500}
                  value={entry.note}
                  onInput={(e) => onItem(code, { note: e.detail.value })}
                />
                <View className="choices checklist__severities">
                  {SEVERITIES.map((s) => (
                    <Choice
                      key={s}
                      id={`${id}-severity-${s}`}
                      on={entry.severity === s}
                      onClick={() => onItem(code, (e) => ({ severity: e.severity === s ? '' : s }))}
                    >
                      {HAZARD_SEVERITY_LABELS[s]}
                    </Choice>
                  ))}
                </View>
                <Text className="muted">不选等级时按该检查项的默认等级确定整改期限。</Text>
                <PhotoGrid
                  id={`${id}-photo`}
                  label="隐患照片"
                  as="staff"
                  max={MAX_PHOTOS}
                  photos={entry.photos}
                  onAdd={(photo) => onItem(code, (e) => ({ photos: [...e.photos, photo].slice(0, MAX_PHOTOS) }))}
                  onRemove={(index) => onItem(code, (e) => ({ photos: e.photos.filter((_, i) => i !== index) }))}
                />
              </View>
            ) : null}
            {errors[code] ? (
              <Text id={`${id}-error`} className="field__error">
                {errors[code]}
              </Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
