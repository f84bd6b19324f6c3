/**
 * Pages and the tab bar. Every page a resident uses is in the main package (so none waits for a
 * subpackage download); pages for a role a resident has to be given live in that role's
 * subpackage — `subpackages/staff` and `subpackages/volunteer` — so residents never download
 * them. scripts/weapp-size.ts holds the build to that.
 * The dev-login page exists only in the H5 build (the local runtime's persona picker);
 * on WeChat the platform supplies the caller's identity.
 */
const isH5 = process.env.TARO_ENV === 'h5';

const pages = [
  'pages/index/index',
  'pages/activities/index',
  'pages/mine/index',
  'pages/profile/index',
  'pages/invite/index',
  'pages/privacy/index',
  'pages/privacy-data/index',
  'pages/activity/index',
  'pages/checkin/index',
  'pages/my-activities/index',
  'pages/my-code/index',
  'pages/survey/index',
  // 微心愿 and 意见反馈: resident pages, so in the main package (docs/performance.md's budget).
  'pages/wishes/mine/index',
  'pages/wishes/detail/index',
  'pages/wishes/submit/index',
  'pages/wishes/wall/index',
  'pages/wishes/item/index',
  'pages/feedback/send/index',
  'pages/feedback/mine/index',
  'pages/feedback/detail/index',
  ...(isH5 ? ['pages/login/index'] : []),
];

// Privacy (docs/privacy.md "WeChat privacy interfaces"): no `__usePrivacyCheck__` — the platform
// enforces the privacy check for every mini-program since 2023-10-17 — and no
// `requiredPrivateInfos`, which only location interfaces need and none is used
// (test/unit/privacy/privacy-apis.test.ts fails if one appears without it).
export default defineAppConfig({
  pages,
  subPackages: [
    {
      root: 'subpackages/staff',
      name: 'staff',
      pages: [
        'pages/workbench/index',
        'pages/data-requests/index',
        'pages/station/index',
        'pages/invitations/index',
        'pages/members/index',
        'pages/activities/index',
        'pages/activity-edit/index',
        'pages/signin/index',
        'pages/roster/index',
        'pages/code-card/index',
        'pages/paper-entry/index',
        'pages/door/index',
        'pages/wishes/index',
        'pages/wish/index',
        'pages/wish-submit/index',
        'pages/volunteers/index',
        'pages/volunteer/index',
        'pages/teams/index',
        'pages/team/index',
        'pages/shift-roster/index',
        'pages/hours-inbox/index',
        'pages/hours-add/index',
        'pages/ledger-exports/index',
        'pages/contracts/index',
        'pages/dashboard/index',
        'pages/drilldown/index',
        'pages/counts/index',
        'pages/surveys/index',
        'pages/survey-form/index',
        'pages/activity-survey/index',
        'pages/survey-results/index',
        'pages/survey-paper/index',
        'pages/complaints/index',
        'pages/complaint/index',
      ],
    },
    {
      root: 'subpackages/volunteer',
      name: 'volunteer',
      pages: [
        'pages/home/index',
        'pages/register/index',
        'pages/shifts/index',
        'pages/hours/index',
        'pages/entry/index',
        'pages/report/index',
        'pages/certificate/index',
        'pages/verify/index',
      ],
    },
  ],
  window: {
    navigationBarBackgroundColor: '#fbf6ef',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
    backgroundColor: '#fbf6ef',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#776c63',
    selectedColor: '#c0501e',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: 'assets/tab/activities.png',
        selectedIconPath: 'assets/tab/activities-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  // Only the fixture build for the miniprogram-simulate tests (scripts/build-mp-fixtures.sh)
  // reads this: `taro build native-components` compiles these components to native ones.
  ...(process.env.LINLI_MP_FIXTURES ? { components: ['components/role-tags/index'] } : {}),
});
