import { Text, View } from '@tarojs/components';
import type { ApplicationFormView } from '../../services/api/complaint-handling';

/** What the resident filed: the kind, its fields (ID numbers and phones masked) and how many photos of each document. */
export function ApplicationFormCard({ form }: { form: ApplicationFormView }) {
  return (
    <View id="application-form" className="card">
      <Text className="card__title">申请内容 · {form.kindLabel}</Text>
      {form.fields.map((f) => (
        <View key={f.key} className="row application-form__row">
          <Text className="muted">{f.label}</Text>
          <Text>{f.value}</Text>
        </View>
      ))}
      {form.documents.map((d) => (
        <View key={d.document} className="row application-form__row">
          <Text className="muted">{d.label}</Text>
          <Text className={d.photoIds.length ? '' : 'text-breached'}>
            {d.photoIds.length ? `${d.photoIds.length} 张照片` : '未上传'}
          </Text>
        </View>
      ))}
    </View>
  );
}
