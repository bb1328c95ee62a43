export default definePageConfig({ navigationBarTitleText: '回访', enablePullDownRefresh: true });
