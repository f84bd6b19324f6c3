export default definePageConfig({ navigationBarTitleText: '编辑意见表' });
