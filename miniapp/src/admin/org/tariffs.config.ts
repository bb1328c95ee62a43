export default definePageConfig({ navigationBarTitleText: '价格管理' });
