export default definePageConfig({ navigationBarTitleText: '客户查询' });
