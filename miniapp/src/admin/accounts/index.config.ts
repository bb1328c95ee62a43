export default definePageConfig({ navigationBarTitleText: '客户档案' });
