export default definePageConfig({ navigationBarTitleText: '我的户号', enablePullDownRefresh: true });
