export default definePageConfig({ navigationBarTitleText: '录入纸质意见表' });
