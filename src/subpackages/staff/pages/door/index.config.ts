export default definePageConfig({ navigationBarTitleText: '协助扫码' });
