export default definePageConfig({ navigationBarTitleText: '活动意见表', enablePullDownRefresh: true });
