export default definePageConfig({ navigationBarTitleText: '停供管理' });
