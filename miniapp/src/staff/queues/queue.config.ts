export default definePageConfig({ navigationBarTitleText: '队列工单', enablePullDownRefresh: true });
