import Taro from '@tarojs/taro';

/** Every page's URL, in one place: app.config.ts lists the same pages. */
export const ROUTES = {
  home: '/pages/index/index',
  activities: '/pages/activities/index',
  mine: '/pages/mine/index',
  profile: '/pages/profile/index',
  invite: '/pages/invite/index',
  privacy: '/pages/privacy/index',
  /** 隐私与数据: export my data, ask for deletion, see the requests (docs/privacy.md). */
  privacyData: '/pages/privacy-data/index',
  login: '/pages/login/index',
  activity: '/pages/activity/index',
  checkin: '/pages/checkin/index',
  myActivities: '/pages/my-activities/index',
  myCode: '/pages/my-code/index',
  /** 活动意见表: a participant fills in an activity's satisfaction form (docs/surveys.md). */
  survey: '/pages/survey/index',
  workbench: '/subpackages/staff/pages/workbench/index',
  /** 个人信息请求: the 站长's queue of deletion requests. */
  dataRequests: '/subpackages/staff/pages/data-requests/index',
  station: '/subpackages/staff/pages/station/index',
  invitations: '/subpackages/staff/pages/invitations/index',
  members: '/subpackages/staff/pages/members/index',
  manageActivities: '/subpackages/staff/pages/activities/index',
  activityEdit: '/subpackages/staff/pages/activity-edit/index',
  signIn: '/subpackages/staff/pages/signin/index',
  roster: '/subpackages/staff/pages/roster/index',
  codeCard: '/subpackages/staff/pages/code-card/index',
  paperEntry: '/subpackages/staff/pages/paper-entry/index',
  /** Satisfaction forms, the staff's side: forms and roll-up, builder, an activity's form, results, paper. */
  staffSurveys: '/subpackages/staff/pages/surveys/index',
  surveyForm: '/subpackages/staff/pages/survey-form/index',
  activitySurvey: '/subpackages/staff/pages/activity-survey/index',
  surveyResults: '/subpackages/staff/pages/survey-results/index',
  surveyPaper: '/subpackages/staff/pages/survey-paper/index',
  /** 协助扫码 for door-helper volunteers: in the staff package, but not behind the staff gate. */
  door: '/subpackages/staff/pages/door/index',
  /** Volunteers and hours, the social workers' side (docs/volunteers.md, "For social workers"). */
  staffVolunteers: '/subpackages/staff/pages/volunteers/index',
  staffVolunteer: '/subpackages/staff/pages/volunteer/index',
  staffTeams: '/subpackages/staff/pages/teams/index',
  staffTeam: '/subpackages/staff/pages/team/index',
  shiftRoster: '/subpackages/staff/pages/shift-roster/index',
  hoursInbox: '/subpackages/staff/pages/hours-inbox/index',
  hoursAdd: '/subpackages/staff/pages/hours-add/index',
  /** A contract's completion table and 台账 as xlsx (docs/indicators.md, "Exports"). */
  ledgerExports: '/subpackages/staff/pages/ledger-exports/index',
  /** 指标: contracts, the completion dashboard, the records behind a cell (docs/indicators.md, "Dashboard"). */
  indicatorContracts: '/subpackages/staff/pages/contracts/index',
  indicatorDashboard: '/subpackages/staff/pages/dashboard/index',
  indicatorDrilldown: '/subpackages/staff/pages/drilldown/index',
  indicatorCounts: '/subpackages/staff/pages/counts/index',
  /** The volunteer's pages (subpackages/volunteer): registration, shifts, hours, certificates. */
  volunteerHome: '/subpackages/volunteer/pages/home/index',
  volunteerRegister: '/subpackages/volunteer/pages/register/index',
  volunteerShifts: '/subpackages/volunteer/pages/shifts/index',
  volunteerHours: '/subpackages/volunteer/pages/hours/index',
  volunteerEntry: '/subpackages/volunteer/pages/entry/index',
  volunteerReport: '/subpackages/volunteer/pages/report/index',
  volunteerCertificate: '/subpackages/volunteer/pages/certificate/index',
  /** 核验服务证明: open to anyone signed in (an employer, a school), volunteer or not. */
  verifyCertificate: '/subpackages/volunteer/pages/verify/index',
  /** 意见反馈 (docs/feedback.md): the sender's pages (main package, pages/feedback) and the handling staff's. */
  feedbackSend: '/pages/feedback/send/index',
  feedbackMine: '/pages/feedback/mine/index',
  feedbackDetail: '/pages/feedback/detail/index',
  staffComplaints: '/subpackages/staff/pages/complaints/index',
  staffComplaint: '/subpackages/staff/pages/complaint/index',
  /** 微心愿 (docs/wishes.md): the resident's and everyone's pages (main package, pages/wishes), staff review. */
  myWishes: '/pages/wishes/mine/index',
  wishDetail: '/pages/wishes/detail/index',
  wishSubmit: '/pages/wishes/submit/index',
  wishWall: '/pages/wishes/wall/index',
  wishItem: '/pages/wishes/item/index',
  staffWishes: '/subpackages/staff/pages/wishes/index',
  staffWish: '/subpackages/staff/pages/wish/index',
  staffWishSubmit: '/subpackages/staff/pages/wish-submit/index',
} as const;
export type Route = (typeof ROUTES)[keyof typeof ROUTES];

const TAB_ROUTES: ReadonlySet<string> = new Set([ROUTES.home, ROUTES.activities, ROUTES.mine]);

/** Query parameters a page reads with `useRouter().params` (e.g. `{ id }` for an activity). */
export type PageParams = Readonly<Record<string, string>>;

/** `ROUTES.activity` + `{ id: 'a1' }` → `/pages/activity/index?id=a1`. */
export function pageUrl(url: Route, params: PageParams = {}): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${url}?${query}` : url;
}

/** Opens a page the way the platform requires: tab pages only via switchTab (which takes no query). */
export function openPage(url: Route, params?: PageParams): void {
  if (TAB_ROUTES.has(url)) void Taro.switchTab({ url });
  else void Taro.navigateTo({ url: pageUrl(url, params) });
}

/** Replaces the current page with `url` (the scan result after login, an edit form after saving). */
export function replacePage(url: Route, params?: PageParams): void {
  void Taro.redirectTo({ url: pageUrl(url, params) });
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
