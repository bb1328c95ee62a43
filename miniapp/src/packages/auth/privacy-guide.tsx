import { Text, View } from '@tarojs/components';

interface Section {
  title: string;
  lines: string[];
}

/** What the resident side collects, why, for how long, and how to remove it (docs/domain.md#personal-data). */
const SECTIONS: Section[] = [
  {
    title: '我们收集哪些信息',
    lines: [
      '微信身份标识（OpenID）：用于识别您的登录身份，不获取微信昵称和头像。',
      '手机号：仅在您点击「获取手机号」并授权后获取，用于报修联系和服务通知。',
      '绑定的户号及户主姓名：用于核实您与户号的关系，界面中户主姓名以掩码显示。',
      '用气/用热地址：来自您绑定户号的档案，用于报修上门和安检。',
      '照片（后续开放）：报修、自助抄表时由您主动上传。',
    ],
  },
  {
    title: '我们为什么收集',
    lines: ['仅用于报修受理与派单、进度通知、缴费和安全检查等供气供热服务，不用于营销，不向第三方出售。'],
  },
  {
    title: '保存多久',
    lines: [
      '微信身份与户号绑定关系保存至您解绑或注销为止。',
      '工单、缴费、安检等业务记录属于供气供热服务档案，按规定由公司长期保存。',
    ],
  },
  {
    title: '如何查看和删除',
    lines: [
      '在「我的 → 我的户号」中可查看和解绑户号。',
      '在「我的 → 注销微信身份」中可解除全部绑定并删除您的微信身份和手机号；公司的户号档案和业务记录会保留。',
    ],
  },
  {
    title: '信息安全',
    lines: ['手机号、身份证号等敏感信息加密保存并以掩码显示，员工查看完整信息均有记录。'],
  },
];

export function PrivacyGuide() {
  return (
    <View className="card privacy-guide">
      {SECTIONS.map((section) => (
        <View key={section.title} className="privacy-guide__section">
          <Text className="privacy-guide__title">{section.title}</Text>
          {section.lines.map((line) => (
            <Text key={line} className="privacy-guide__line">
              {line}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
