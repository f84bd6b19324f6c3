export default definePageConfig({ navigationBarTitleText: '队员名单', enablePullDownRefresh: true });
