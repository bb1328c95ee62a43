export default definePageConfig({ navigationBarTitleText: '今日安检', enablePullDownRefresh: true });
