export default definePageConfig({ navigationBarTitleText: '时长审核', enablePullDownRefresh: true });
