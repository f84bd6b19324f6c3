export default definePageConfig({ navigationBarTitleText: '意见表与满意度', enablePullDownRefresh: true });
