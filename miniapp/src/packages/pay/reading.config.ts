export default definePageConfig({ navigationBarTitleText: '自助抄表' });
