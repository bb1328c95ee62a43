export default definePageConfig({ navigationBarTitleText: '预付费充值' });
