export default definePageConfig({ navigationBarTitleText: '提交心愿' });
