import Taro from '@tarojs/taro';

/** Every page's URL, in one place: app.config.ts lists the same pages. */
export const ROUTES = {
  home: '/pages/index/index',
  activities: '/pages/activities/index',
  mine: '/pages/mine/index',
  profile: '/pages/profile/index',
  invite: '/pages/invite/index',
  privacy: '/pages/privacy/index',
  login: '/pages/login/index',
  workbench: '/subpackages/staff/pages/workbench/index',
  station: '/subpackages/staff/pages/station/index',
  invitations: '/subpackages/staff/pages/invitations/index',
  members: '/subpackages/staff/pages/members/index',
} as const;
export type Route = (typeof ROUTES)[keyof typeof ROUTES];

const TAB_ROUTES: ReadonlySet<string> = new Set([ROUTES.home, ROUTES.activities, ROUTES.mine]);

/** Opens a page the way the platform requires: tab pages only via switchTab. */
export function openPage(url: Route): void {
  if (TAB_ROUTES.has(url)) void Taro.switchTab({ url });
  else void Taro.navigateTo({ url });
}

/** Back to the page the person came from, or to `fallback` when this page was opened directly. */
export function goBack(fallback: Route = ROUTES.home): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: fallback });
}

/** Drops every open page and starts again at `url` (after login, logout, switching identity). */
export function restartAt(url: Route): void {
  void Taro.reLaunch({ url });
}
