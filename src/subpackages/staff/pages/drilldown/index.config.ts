export default definePageConfig({ navigationBarTitleText: '计入的记录' });
