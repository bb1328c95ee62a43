export default definePageConfig({ navigationBarTitleText: '我的隐患', enablePullDownRefresh: true });
