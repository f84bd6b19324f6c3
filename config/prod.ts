import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {
    // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of
    // React components, NutUI and zod (≈150 KB each). Splitting async chunks too shares them.
    webpackChain(chain) {
      const splitChunks = chain.optimization.get('splitChunks');
      if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
    },
  },
} satisfies UserConfigExport<'webpack5'>;
