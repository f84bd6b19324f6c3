export default definePageConfig({ navigationBarTitleText: '志愿者岗位', enablePullDownRefresh: true });
