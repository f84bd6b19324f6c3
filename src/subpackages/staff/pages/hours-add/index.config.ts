export default definePageConfig({ navigationBarTitleText: '录入时长' });
