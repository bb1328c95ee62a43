export default definePageConfig({ navigationBarTitleText: '导入客户档案' });
