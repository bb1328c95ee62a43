export default definePageConfig({ navigationBarTitleText: '代缴费' });
