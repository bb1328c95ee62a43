export default definePageConfig({ navigationBarTitleText: '我的队列', enablePullDownRefresh: true });
