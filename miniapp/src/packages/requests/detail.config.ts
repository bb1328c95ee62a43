export default definePageConfig({ navigationBarTitleText: '进度详情', enablePullDownRefresh: true });
