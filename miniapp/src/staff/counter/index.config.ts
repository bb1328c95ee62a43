export default definePageConfig({ navigationBarTitleText: '柜台收费' });
