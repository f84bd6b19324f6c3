export default definePageConfig({ navigationBarTitleText: '指标完成情况' });
