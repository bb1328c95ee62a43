import { Input, Text, Textarea, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { PhotoGrid } from '../../components/photo-grid';
import { MAX_PHOTOS } from '../../services/api/uploads';
import type { PartRow, ResolveErrors, ResolveForm } from './resolve-form';
import { SignatureConfirmation } from './signature-confirmation';

interface Props {
  form: ResolveForm;
  errors: ResolveErrors;
  /** The visit's quote was accepted by the resident (in the app or signed): only then can it be charged. */
  quoteAccepted: boolean;
  /** The resident has confirmed the work in the miniapp during this visit. */
  residentConfirmed: boolean;
  /** Reloads the job: has the resident confirmed in the app yet? */
  onRefresh: () => void;
  onChange: (patch: Partial<ResolveForm> | ((form: ResolveForm) => Partial<ResolveForm>)) => void;
}

function Choice({ id, on, onClick, children }: { id: string; on: boolean; onClick: () => void; children: string }) {
  return (
    <View id={id} className={on ? 'choice choice--on' : 'choice'} onClick={onClick}>
      <Text>{children}</Text>
    </View>
  );
}

/** 处理: what was wrong, what was done, parts, photos, the charge and how the resident confirms. */
export function ResolvePanel({ form, errors, quoteAccepted, residentConfirmed, onChange, onRefresh }: Props) {
  const setPart = (index: number, patch: Partial<PartRow>) =>
    onChange((f) => ({ parts: f.parts.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));

  return (
    <View className="card resolve">
      <Text className="card__title">处理结果</Text>
      <FormField label="故障原因" id="job-diagnosis" error={errors.diagnosis}>
        <Textarea
          id="job-diagnosis"
          className="field__textarea"
          placeholder="如：灶具熄火保护装置损坏"
          maxlength={1000}
          value={form.diagnosis}
          onInput={(e) => onChange({ diagnosis: e.detail.value })}
        />
      </FormField>
      <FormField label="处理措施" id="job-work" error={errors.work}>
        <Textarea
          id="job-work"
          className="field__textarea"
          placeholder="如：更换熄火保护针，试火正常，检漏无泄漏"
          maxlength={2000}
          value={form.work}
          onInput={(e) => onChange({ work: e.detail.value })}
        />
      </FormField>

      <FormField label="更换配件" id="job-parts" error={errors.parts} optional>
        {form.parts.map((part, i) => (
          <View key={i} className="row part">
            <Input
              id={`job-part-name-${i}`}
              className="field__input part__name"
              placeholder="配件名称"
              maxlength={50}
              value={part.name}
              onInput={(e) => setPart(i, { name: e.detail.value })}
            />
            <Input
              id={`job-part-qty-${i}`}
              className="field__input part__qty"
              type="number"
              maxlength={3}
              value={part.qty}
              onInput={(e) => setPart(i, { qty: e.detail.value })}
            />
            <Text
              id={`job-part-remove-${i}`}
              className="part__remove"
              onClick={() => onChange((f) => ({ parts: f.parts.filter((_, j) => j !== i) }))}
            >
              删除
            </Text>
          </View>
        ))}
        <ActionButton
          id="job-part-add"
          tone="secondary"
          size="small"
          onClick={() => onChange((f) => ({ parts: [...f.parts, { name: '', qty: '1' }] }))}
        >
          添加配件
        </ActionButton>
      </FormField>

      <PhotoGrid
        id="job-photo-before"
        label="处理前照片"
        as="staff"
        max={MAX_PHOTOS}
        photos={form.before}
        error={errors.before}
        onAdd={(photo) => onChange((f) => ({ before: [...f.before, photo].slice(0, MAX_PHOTOS) }))}
        onRemove={(index) => onChange((f) => ({ before: f.before.filter((_, i) => i !== index) }))}
      />
      <PhotoGrid
        id="job-photo-after"
        label="处理后照片"
        as="staff"
        max={MAX_PHOTOS}
        photos={form.after}
        error={errors.after}
        onAdd={(photo) => onChange((f) => ({ after: [...f.after, photo].slice(0, MAX_PHOTOS) }))}
        onRemove={(index) => onChange((f) => ({ after: f.after.filter((_, i) => i !== index) }))}
      />

      <FormField label="是否收费" id="job-charge" error={errors.charge}>
        <View className="choices">
          <Choice id="job-free" on={!form.chargeable} onClick={() => onChange({ chargeable: false })}>
            免费
          </Choice>
          <Choice id="job-chargeable" on={form.chargeable} onClick={() => onChange({ chargeable: true })}>
            按报价收费
          </Choice>
        </View>
        {form.chargeable ? (
          <Text id="job-charge-note" className={quoteAccepted ? 'text-ok' : 'muted'}>
            {quoteAccepted ? '居民已同意报价，按报价金额收费' : '收费须先在上方发送报价，并经居民同意或签字'}
          </Text>
        ) : null}
      </FormField>

      <FormField label="居民确认" id="job-confirmation" error={errors.confirmation}>
        <View className="choices">
          <Choice
            id="job-confirm-signature"
            on={form.confirmation === 'signature'}
            onClick={() => onChange({ confirmation: 'signature' })}
          >
            居民现场签字
          </Choice>
          <Choice
            id="job-confirm-in-app"
            on={form.confirmation === 'in_app'}
            onClick={() => onChange({ confirmation: 'in_app' })}
          >
            居民在小程序中确认
          </Choice>
        </View>
        {form.confirmation === 'signature' ? (
          <SignatureConfirmation signature={form.signature} onSaved={(signature) => onChange({ signature })} />
        ) : null}
        {form.confirmation === 'in_app' ? (
          <Text id="job-in-app-state" className={residentConfirmed ? 'text-ok' : 'muted'}>
            {residentConfirmed
              ? '居民已在小程序中确认完成'
              : '请居民在小程序「我的报修」中点「确认完成」，确认后刷新本页'}
          </Text>
        ) : null}
        {form.confirmation === 'in_app' && !residentConfirmed ? (
          <ActionButton id="job-in-app-refresh" tone="secondary" size="small" onClick={onRefresh}>
            刷新，查看居民是否已确认
          </ActionButton>
        ) : null}
      </FormField>
    </View>
  );
}
