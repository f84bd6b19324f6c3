// Build-time constants Taro's runtime and H5 components read (normally defined by webpack),
// and the platform the app code believes it runs on (pages check TARO_ENV for H5-only parts).
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  SUPPORT_TARO_POLYFILL: 'disabled',
  DEPRECATED_ADAPTER_COMPONENT: false,
});
process.env.TARO_ENV = 'h5';

// NutUI's Button hands `hoverStyle` (a mini-program prop) to Taro's H5 button, which puts it on
// a DOM element; React warns about it on every render. Only that one warning is dropped.
const consoleError = console.error;
console.error = (...args) => {
  if (typeof args[0] === 'string' && args[0].includes('`%s` prop on a DOM element') && args[1] === 'hoverStyle') return;
  consoleError(...args);
};
