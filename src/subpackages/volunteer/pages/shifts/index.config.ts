export default definePageConfig({ navigationBarTitleText: '服务岗位', enablePullDownRefresh: true });
