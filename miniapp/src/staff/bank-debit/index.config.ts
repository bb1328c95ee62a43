export default definePageConfig({ navigationBarTitleText: '银行代扣导入' });
