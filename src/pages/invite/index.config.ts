export default definePageConfig({ navigationBarTitleText: '兑换邀请码' });
