export default definePageConfig({ navigationBarTitleText: '心愿', enablePullDownRefresh: true });
