export default definePageConfig({ navigationBarTitleText: '组织与配置' });
