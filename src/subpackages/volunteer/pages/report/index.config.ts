export default definePageConfig({ navigationBarTitleText: '申报服务' });
