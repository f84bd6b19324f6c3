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
    /** Subscription message template ids (types/subscriptions.ts, src/services/subscriptions.ts); empty: not asked. */
    TARO_APP_TEMPLATE_BOOKING_PROMOTED?: string;
    TARO_APP_TEMPLATE_ACTIVITY_CHANGED?: string;
    TARO_APP_TEMPLATE_ACTIVITY_REMINDER?: string;
    TARO_APP_TEMPLATE_FEEDBACK_INVITATION?: string;
    TARO_APP_TEMPLATE_WISH_REVIEWED?: string;
    TARO_APP_TEMPLATE_WISH_CLAIMED?: string;
    TARO_APP_TEMPLATE_WISH_FULFILLED?: string;
    TARO_APP_TEMPLATE_COMPLAINT_OVERDUE?: string;
    /** Set by scripts/build-mp-fixtures.sh to build test fixtures with native-components. */
    LINLI_MP_FIXTURES?: string;
  }
}
