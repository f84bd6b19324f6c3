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

// Mini-program props that Taro's H5 components put on DOM elements, so React warns on every
// render: NutUI's Button hands `hoverStyle` to Taro's button, and Taro's own Input passes
// `placeholderClass` to <input>. Only those third-party warnings are dropped.
const THIRD_PARTY_DOM_PROPS = new Set(['hoverStyle', 'placeholderClass']);
const consoleError = console.error;
console.error = (...args) => {
  const unknownDomProp =
    typeof args[0] === 'string' &&
    (args[0].includes('`%s` prop on a DOM element') || args[0].includes('React does not recognize the `'));
  if (unknownDomProp && [...THIRD_PARTY_DOM_PROPS].some((prop) => args[1] === prop || args[0].includes(`\`${prop}\``)))
    return;
  consoleError(...args);
};
