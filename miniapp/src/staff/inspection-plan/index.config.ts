export default definePageConfig({ navigationBarTitleText: '新建安检计划' });
