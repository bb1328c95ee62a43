export default definePageConfig({ navigationBarTitleText: '队列与分派规则' });
