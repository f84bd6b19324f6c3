export default definePageConfig({ navigationBarTitleText: '手工填报' });
