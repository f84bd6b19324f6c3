export default definePageConfig({ navigationBarTitleText: '片区与社区' });
