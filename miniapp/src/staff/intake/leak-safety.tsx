import { Text, View } from '@tarojs/components';

const STEPS = ['开窗通风', '不要开关电器', '不要点火', '立即离开', '拨打24小时热线'];

/** Read aloud to the caller before anything else (docs/domain.md#emergencies). */
export function LeakSafety() {
  return (
    <View id="intake-leak-safety" className="leak-safety">
      <Text className="leak-safety__title">燃气泄漏：请立即向来电人宣读</Text>
      {STEPS.map((step, i) => (
        <Text key={step} className="leak-safety__step">
          {i + 1}. {step}
        </Text>
      ))}
    </View>
  );
}
