// `@tarojs/components` for component tests: Taro's React components for H5.
// Some of them (Refresher, Button, Picker) import View from '@tarojs/components' — which is this
// module — and use it while their module loads. Exporting View first, before loading the rest,
// lets that cycle resolve.
export { default as View } from '@tarojs/components-react/dist/components/view/index.js';
export * from '@tarojs/components-react/dist/index.js';
