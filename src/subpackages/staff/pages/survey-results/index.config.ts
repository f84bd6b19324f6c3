export default definePageConfig({ navigationBarTitleText: '意见表结果', enablePullDownRefresh: true });
