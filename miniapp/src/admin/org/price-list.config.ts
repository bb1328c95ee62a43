export default definePageConfig({ navigationBarTitleText: '维修收费价目表' });
