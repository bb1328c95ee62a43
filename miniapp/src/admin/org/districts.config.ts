export default definePageConfig({ navigationBarTitleText: '片区与站点' });
