export default definePageConfig({ navigationBarTitleText: '智慧燃气·热力服务', enablePullDownRefresh: true });
