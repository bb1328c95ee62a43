export default definePageConfig({ navigationBarTitleText: '重大事件' });
