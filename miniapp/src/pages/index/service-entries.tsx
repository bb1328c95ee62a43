import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

interface Entry {
  key: string;
  title: string;
  note: string;
  /** Where it goes: a tab, or a subpackage page; neither yet means it shows 即将开放 and does nothing. */
  tab?: string;
  url?: string;
  tone?: 'danger';
}

const ENTRIES: Entry[] = [
  // Open to everyone, signed in or not: the page shows what to do before anything else.
  {
    key: 'leak',
    title: '燃气泄漏',
    note: '闻到燃气味：立即开窗、勿开关电器、离开后拨打24小时热线',
    url: '/packages/repair/emergency',
    tone: 'danger',
  },
  { key: 'pay', title: '缴费', note: '燃气费、供热费、自助抄表', url: '/packages/pay/bills' },
  { key: 'repair', title: '报修', note: '没气、表具故障、暖气不热', url: '/packages/repair/index' },
  { key: 'inspection', title: '预约安检', note: '入户安全检查、我的隐患', url: '/packages/inspection/index' },
  { key: 'application', title: '业务办理', note: '开户、过户、停气复气、停热复热', url: '/packages/application/index' },
  { key: 'requests', title: '我的报修', note: '查看进度、评价、订阅通知', tab: '/pages/requests/index' },
  {
    key: 'complaint',
    title: '投诉举报',
    note: '对服务不满意、举报违规行为（可匿名）',
    url: '/packages/complaint/index',
  },
  { key: 'consult', title: '咨询建议', note: '问题咨询、意见建议，客服答复', url: '/packages/consult/index' },
  { key: 'faq', title: '常见问题', note: '缴费、发票、暖气不热', url: '/packages/info/knowledge?kind=faq' },
  { key: 'guide', title: '办事指南', note: '所需材料、收费标准、服务承诺', url: '/packages/info/knowledge?kind=guide' },
  {
    key: 'safety',
    title: '安全用气',
    note: '闻到燃气味怎么办、安全用气要点',
    url: '/packages/info/knowledge?kind=safety',
  },
  { key: 'outlets', title: '营业网点', note: '地址、营业时间、办理业务', url: '/packages/info/outlets' },
];

function opener({ tab, url }: Entry): (() => void) | undefined {
  if (tab) return () => void Taro.switchTab({ url: tab });
  if (url) return () => void Taro.navigateTo({ url });
  return undefined;
}

export function ServiceEntries() {
  return (
    <View className="entries">
      {ENTRIES.map((entry) => {
        const open = Boolean(entry.tab || entry.url);
        const className = ['entry', entry.tone ? `entry--${entry.tone}` : '', open ? '' : 'entry--soon']
          .join(' ')
          .trim();
        return (
          <View
            key={entry.key}
            id={`home-entry-${entry.key}`}
            className={className}
            aria-disabled={open ? undefined : 'true'}
            onClick={opener(entry)}
          >
            <View className="row">
              <Text className="entry__title">{entry.title}</Text>
              {open ? null : <Text className="entry__soon">即将开放</Text>}
            </View>
            <Text className="entry__note">{entry.note}</Text>
          </View>
        );
      })}
    </View>
  );
}
