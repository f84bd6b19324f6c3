/// <reference types="@tarojs/taro" />

// Ambient declarations for the mini-program build: asset imports and the build-time
// environment Taro injects (TARO_ENV from `--type`, TARO_APP_* from the .env.* files).

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by `taro build --type <target>`. */
    TARO_ENV?: 'weapp' | 'h5';
    /** Base URL of the local runtime for H5 (empty: same origin). See .env.*. */
    TARO_APP_API_BASE?: string;
    /** WeChat cloud environment id for `Taro.cloud.init` (empty: the default environment). */
    TARO_APP_CLOUD_ENV?: string;
    /** Subscription message template ids (src/services/subscriptions.ts); empty: not asked. */
    TARO_APP_TEMPLATE_ACTIVITY_REMINDER?: string;
    TARO_APP_TEMPLATE_ACTIVITY_STARTING?: string;
    TARO_APP_TEMPLATE_FEEDBACK_INVITATION?: string;
    /** The 站长's overdue-complaint alert (cloudfunctions/escalations); empty: not offered. */
    TARO_APP_TEMPLATE_COMPLAINT_OVERDUE?: string;
    /** The templates a wish's submitter accepts (src/services/subscriptions.ts wishTemplateIds). */
    TARO_APP_TEMPLATE_WISH_PUBLISHED?: string;
    TARO_APP_TEMPLATE_WISH_CLAIMED?: string;
    TARO_APP_TEMPLATE_WISH_FULFILLED?: string;
    /** Set by scripts/build-mp-fixtures.sh to build test fixtures with native-components. */
    LINLI_MP_FIXTURES?: string;
  }
}
