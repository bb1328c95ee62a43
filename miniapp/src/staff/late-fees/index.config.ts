export default definePageConfig({ navigationBarTitleText: '滞纳金减免' });
