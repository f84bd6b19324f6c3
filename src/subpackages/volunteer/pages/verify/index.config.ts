export default definePageConfig({ navigationBarTitleText: '核验服务证明' });
