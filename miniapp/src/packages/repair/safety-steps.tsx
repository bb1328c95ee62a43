import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SafetyInstruction } from '@utility/shared';

/** The numbered steps in large type, then the 24-hour line as one tap to call. */
export function SafetySteps({
  steps,
  hotline,
  title = '闻到燃气味，请立即：',
  callLabel = '到室外后拨打24小时热线',
}: {
  steps: SafetyInstruction[];
  hotline: string;
  title?: string;
  callLabel?: string;
}) {
  return (
    <View id="safety-instructions" className="safety">
      <Text id="safety-title" className="safety__title">
        {title}
      </Text>
      {steps.map((step, i) => (
        <View key={step.key} id={`safety-step-${step.key}`} className="safety__step">
          <Text className="safety__no">{i + 1}</Text>
          <View className="safety__text">
            <Text className="safety__step-title">{step.title}</Text>
            <Text className="safety__detail">{step.detail}</Text>
          </View>
        </View>
      ))}
      <View
        id="safety-call"
        className="safety__call"
        onClick={() => void Taro.makePhoneCall({ phoneNumber: hotline }).catch(() => undefined)}
      >
        <Text className="safety__call-label">{callLabel}</Text>
        <Text className="safety__call-number">{hotline}</Text>
      </View>
    </View>
  );
}
