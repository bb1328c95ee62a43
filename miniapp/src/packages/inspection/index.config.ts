export default definePageConfig({ navigationBarTitleText: '预约安检', enablePullDownRefresh: true });
