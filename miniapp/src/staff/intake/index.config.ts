export default definePageConfig({ navigationBarTitleText: '电话受理' });
