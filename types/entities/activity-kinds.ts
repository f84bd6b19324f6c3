/**
 * Activity kinds and service areas, with the names the contracts and the evaluators' tables use
 * (DOMAIN.md "Activity kinds and how they count"). How each kind counts is a domain rule:
 * cloudfunctions/_shared/domain/activity-kinds.ts.
 */
export const ACTIVITY_KINDS = [
  'large_event',
  'small_event',
  'lecture',
  'workshop',
  'group_session',
  'resident_forum',
  'stakeholder_meeting',
  'volunteer_training',
  'volunteer_sharing',
  'volunteer_commendation',
  'home_visit',
  'phone_visit',
  'policy_talk',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The names the contracts and the evaluators' tables use. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  large_event: '大型社区活动',
  small_event: '中小型社区活动',
  lecture: '讲座',
  workshop: '工作坊',
  group_session: '小组（节）',
  resident_forum: '居民座谈会',
  stakeholder_meeting: '多方联席会议',
  volunteer_training: '志愿者培训',
  volunteer_sharing: '志愿者分享会',
  volunteer_commendation: '志愿者表彰会',
  home_visit: '入户探访',
  phone_visit: '电访',
  policy_talk: '政策宣讲',
};

export const SERVICE_AREAS = [
  'elderly',
  'youth',
  'children',
  'family',
  'disability',
  'volunteer',
  'community',
  'other',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

export const SERVICE_AREA_LABELS: Record<ServiceArea, string> = {
  elderly: '长者',
  youth: '青少年',
  children: '儿童',
  family: '家庭',
  disability: '残障',
  volunteer: '志愿者',
  community: '社区治理',
  other: '其他',
};

/**
 * The thresholds a contract sets. They differ between contracts (seed 000 calls 50 people a large
 * event, seed 002 calls it 100), so they are settings, never constants in counting code. Every
 * minimum is inclusive: "50人以上" includes 50 (以上、以下包括本数, 民法典 第1259条).
 */
