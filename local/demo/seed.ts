import type { Role } from '@linli/types/entities/common';
import type { LocalDatabase } from '../db';
import dayjs, { STATION_TIME_ZONE } from '../../cloudfunctions/_shared/runtime/dayjs';
import type { SurveyAnswer, SurveyTemplate } from '@linli/types/entities/survey';
import { derivedFields } from '../../cloudfunctions/_shared/domain/survey-answers';
import { SURVEY_TEMPLATES } from '../../cloudfunctions/_shared/domain/survey-templates';
import { sealStoredFields } from '../../cloudfunctions/_shared/repositories/sealed';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

/**
 * Demo data for the local runtime: two stations (the second exists so cross-station rules can be
 * tried), three areas (片区) with communities, staff, residents and volunteers. Everything is
 * marked `demo: true` and named （演示） so nobody mistakes it for real records.
 */
export interface DemoPersona {
  openid: string;
  name: string;
  roles: Role[];
  stationId: string;
  communityId: string;
  phone?: string;
  description: string;
}

export const DEMO_STATION_ID = 'st-lingnan';
export const OTHER_STATION_ID = 'st-huadi';

const stations = [
  {
    _id: DEMO_STATION_ID,
    name: '岭南街社工服务站（演示）',
    operator: '北斗星社会工作服务中心（演示）',
    areas: [
      { id: 'area1', name: '第一片区' },
      { id: 'area2', name: '第二片区' },
      { id: 'area3', name: '第三片区' },
    ],
    communities: [
      { id: 'comm1', name: '光复社区', areaId: 'area1' },
      { id: 'comm2', name: '扬仁社区', areaId: 'area1' },
      { id: 'comm3', name: '杉木栏社区', areaId: 'area2' },
      { id: 'comm4', name: '兴隆社区', areaId: 'area2' },
      { id: 'comm5', name: '华林社区', areaId: 'area3' },
      { id: 'comm6', name: '西关社区', areaId: 'area3' },
    ],
  },
  {
    _id: OTHER_STATION_ID,
    name: '花地街社工服务站（演示）',
    operator: '启明社会工作服务中心（演示）',
    areas: [{ id: 'area1', name: '花地片区' }],
    communities: [{ id: 'comm1', name: '花地湾社区', areaId: 'area1' }],
  },
];

export const DEMO_PERSONAS: DemoPersona[] = [
  {
    openid: 'oDemoAdmin0001',
    name: '陈站长',
    roles: ['resident', 'social_worker', 'admin'],
    stationId: DEMO_STATION_ID,
    communityId: 'comm1',
    phone: '13800000001',
    description: '站长：设置片区与社区、邀请社工、查看指标',
  },
  {
    openid: 'oDemoSocial0001',
    name: '李社工',
    roles: ['resident', 'social_worker'],
    stationId: DEMO_STATION_ID,
    communityId: 'comm3',
    phone: '13800000002',
    description: '社工：发布活动、签到、审核志愿者与时数、处理心愿与投诉',
  },
  {
    openid: 'oDemoSocial0002',
    name: '王社工',
    roles: ['resident', 'social_worker'],
    stationId: DEMO_STATION_ID,
    communityId: 'comm5',
    description: '社工：第三片区负责人（用于双人审批）',
  },
  {
    openid: 'oDemoResident01',
    name: '张阿姨',
    roles: ['resident'],
    stationId: DEMO_STATION_ID,
    communityId: 'comm1',
    phone: '13900000011',
    description: '居民（长者）：预约活动、扫码签到、提交微心愿与意见',
  },
  {
    openid: 'oDemoResident02',
    name: '刘先生',
    roles: ['resident'],
    stationId: DEMO_STATION_ID,
    communityId: 'comm4',
    phone: '13900000012',
    description: '居民：带家人一起预约活动',
  },
  {
    openid: 'oDemoVolunteer1',
    name: '赵志愿',
    roles: ['resident', 'volunteer'],
    stationId: DEMO_STATION_ID,
    communityId: 'comm2',
    phone: '13900000021',
    description: '志愿者：报名服务岗位、签到签退、查看服务时数',
  },
  {
    openid: 'oDemoApplicant1',
    name: '孙悦',
    roles: ['resident'],
    stationId: DEMO_STATION_ID,
    communityId: 'comm3',
    phone: '13900000031',
    description: '居民：已申请成为志愿者，等待社工审核',
  },
  {
    openid: 'oDemoOtherSW01',
    name: '周社工',
    roles: ['resident', 'social_worker'],
    stationId: OTHER_STATION_ID,
    communityId: 'comm1',
    description: '另一社工站的社工：验证跨站数据隔离',
  },
];

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/**
 * Demo activities around the moment of seeding: one running now (so sign-in can be tried at
 * once), several upcoming, and two past ones with attendance. Ids are fixed 10-character ids.
 */
function demoActivities(now: Date) {
  const at = (offsetMs: number, hour?: number) => {
    const d = new Date(now.getTime() + offsetMs);
    if (hour !== undefined) d.setUTCHours(hour - 8, 0, 0, 0); // hour in Asia/Shanghai
    return d;
  };
  const base = {
    stationId: DEMO_STATION_ID,
    description: '',
    audience: 'everyone' as const,
    invited: [] as string[],
    volunteerRoles: [] as { role: string; count: number }[],
    seatsTaken: 0,
    waitlisted: 0,
    status: 'published' as const,
    createdBy: 'oDemoSocial0001',
    createdAt: now,
    updatedAt: now,
    demo: true,
  };
  const activity = (
    id: string,
    title: string,
    kind: string,
    serviceArea: string,
    areaId: string,
    communityId: string,
    place: string,
    startAt: Date,
    hours: number,
    capacity: number,
    description = '',
  ) => ({
    ...base,
    _id: id,
    title,
    kind,
    serviceArea,
    areaId,
    communityId,
    place,
    description,
    startAt,
    endAt: new Date(startAt.getTime() + hours * HOUR),
    capacity,
    bookingOpensAt: new Date(now.getTime() - 7 * DAY),
    bookingClosesAt: startAt,
  });
  return [
    activity(
      'DemoAct001',
      '太极晨练（正在进行）',
      'small_event',
      'elderly',
      'area1',
      'comm1',
      '光复社区广场',
      new Date(now.getTime() - 15 * 60 * 1000),
      2,
      40,
      '跟着老师一起练太极，强身健体。',
    ),
    activity(
      'DemoAct002',
      '长者健康讲座：预防跌倒',
      'lecture',
      'elderly',
      'area1',
      'comm2',
      '扬仁社区活动室',
      at(DAY, 9),
      1.5,
      40,
      '康复治疗师讲解居家防跌倒要点，现场测量血压。',
    ),
    activity(
      'DemoAct003',
      '亲子手工坊：做灯笼',
      'workshop',
      'family',
      'area2',
      'comm3',
      '杉木栏社区二楼',
      at(3 * DAY, 15),
      2,
      12,
      '家长和孩子一起做灯笼，材料由社工站提供。',
    ),
    {
      ...activity(
        'DemoAct004',
        '社区议事会：加装电梯',
        'resident_forum',
        'community',
        'area2',
        'comm4',
        '兴隆社区会议室',
        at(5 * DAY, 19),
        1.5,
        30,
      ),
      volunteerRoles: [{ role: '签到引导', count: 2 }],
    },
    {
      ...activity(
        'DemoAct005',
        '重阳敬老文艺汇演',
        'large_event',
        'elderly',
        'area3',
        'comm5',
        '华林社区文化广场',
        at(10 * DAY, 9),
        3,
        150,
      ),
      volunteerRoles: [
        { role: '秩序维护', count: 4 },
        { role: '长者陪护', count: 6 },
      ],
    },
    activity(
      'DemoAct006',
      '防诈骗宣讲',
      'policy_talk',
      'community',
      'area3',
      'comm6',
      '西关社区活动室',
      at(-7 * DAY, 10),
      1,
      50,
    ),
    activity(
      'DemoAct007',
      '长者生日会',
      'small_event',
      'elderly',
      'area1',
      'comm1',
      '光复社区活动室',
      at(-3 * DAY, 15),
      2,
      30,
    ),
  ];
}

/**
 * A 小组 series (DemoAct008): three weekly sessions, two held (黄伯 came to both, 何婆婆 to the
 * first), the third next week — one booking each for the whole series, a record per session.
 * Its members are residents of their own (not login personas), so the personas' own lists stay
 * as the other demo data leaves them.
 */
function demoGroup(now: Date) {
  const sessionStart = (days: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(14 - 8, 0, 0, 0); // 14:00 in Asia/Shanghai
    return d;
  };
  const sessions = [-14, -7, 7].map((days) => ({
    startAt: sessionStart(days),
    endAt: new Date(sessionStart(days).getTime() + 2 * HOUR),
  }));
  const activity = {
    _id: 'DemoAct008',
    stationId: DEMO_STATION_ID,
    title: '长者互助小组：记忆力训练',
    description: '每周一次，共三节：一起做记忆游戏，分享生活经验。报名一次即可参加全部三节。',
    kind: 'group_session',
    serviceArea: 'elderly',
    areaId: 'area1',
    communityId: 'comm1',
    place: '光复社区活动室',
    startAt: sessions[0]!.startAt,
    endAt: sessions[2]!.endAt,
    sessions,
    capacity: 12,
    seatsTaken: 2,
    waitlisted: 0,
    bookingOpensAt: new Date(sessions[0]!.startAt.getTime() - 14 * DAY),
    bookingClosesAt: sessions[0]!.startAt,
    audience: 'everyone' as const,
    invited: [] as string[],
    volunteerRoles: [] as { role: string; count: number }[],
    status: 'published' as const,
    createdBy: 'oDemoSocial0001',
    createdAt: now,
    updatedAt: now,
    demo: true,
  };
  // Phones as staff registered them: rosters, wishes and exports show them masked (the access
  // matrix test scans every answer for a full number).
  const members = [
    { openid: 'oDemoGroupMem01', name: '黄伯', communityId: 'comm1', phone: '13900000041' },
    { openid: 'oDemoGroupMem02', name: '何婆婆', communityId: 'comm1', phone: '13900000042' },
  ];
  const users = members.map((p) => ({
    _id: p.openid,
    name: p.name,
    stationId: DEMO_STATION_ID,
    communityId: p.communityId,
    roles: ['resident'],
    phone: p.phone,
    consentAt: now,
    createdAt: now,
    updatedAt: now,
    demo: true,
  }));
  const bookings = members.map((p) => ({
    _id: `DemoAct008.${p.openid}`,
    activityId: 'DemoAct008',
    stationId: DEMO_STATION_ID,
    personId: p.openid,
    personName: p.name,
    communityId: p.communityId,
    status: 'confirmed',
    partySize: 1,
    members: [],
    bookedAt: activity.bookingOpensAt,
    updatedAt: activity.bookingOpensAt,
  }));
  const came = [members, members.slice(0, 1)];
  const attendance = came.flatMap((people, i) =>
    people.map((p) => ({
      _id: i === 0 ? `DemoAct008.${p.openid}` : `DemoAct008.${p.openid}.${i + 1}`,
      activityId: 'DemoAct008',
      stationId: DEMO_STATION_ID,
      areaId: 'area1',
      kind: 'group_session',
      activityStartAt: sessions[i]!.startAt,
      session: i + 1,
      personId: p.openid,
      personName: p.name,
      communityId: p.communityId,
      headcount: 1,
      signedInAt: new Date(sessions[i]!.startAt.getTime() - 5 * 60 * 1000),
      method: 'scan',
      recordedBy: p.openid,
      history: [],
    })),
  );
  return { activity, users, bookings, attendance };
}

/** Past activities' sign-ins, so rosters and indicators have something to show. */
function demoAttendance(activities: ReturnType<typeof demoActivities>) {
  // The residents who came (the volunteer applicant joined the station later).
  const people = DEMO_PERSONAS.filter(
    (p) => p.stationId === DEMO_STATION_ID && p.roles.length === 1 && p.openid !== 'oDemoApplicant1',
  );
  return activities
    .filter((a) => a._id === 'DemoAct006' || a._id === 'DemoAct007')
    .flatMap((a) =>
      people.map((p, i) => ({
        _id: `${a._id}.${p.openid}`,
        activityId: a._id,
        stationId: a.stationId,
        areaId: a.areaId,
        kind: a.kind,
        activityStartAt: a.startAt,
        personId: p.openid,
        personName: p.name,
        communityId: p.communityId,
        headcount: 1,
        signedInAt: new Date(a.startAt.getTime() + i * 60 * 1000),
        method: 'scan',
        recordedBy: p.openid,
        history: [],
      })),
    );
}

/**
 * Volunteers: 赵志愿's approved registration (consistent with his 'volunteer' role), a pending
 * one from 孙悦 for staff to review, the team 赵志愿 leads, and his sign-up for a role at the
 * 重阳 show (with the role's place counter, as volunteer.signUp keeps it).
 */
function demoVolunteering(now: Date) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const registration = {
    stationId: DEMO_STATION_ID,
    consentAt: ago(30 * DAY),
    core: false,
    demo: true,
  };
  const volunteers = [
    {
      ...registration,
      _id: 'oDemoVolunteer1',
      realName: '赵志愿',
      phone: '13900000021',
      communityId: 'comm2',
      skills: ['活动协助', '摄影'],
      availability: '周末全天，工作日晚上',
      emergencyContact: { name: '赵太太', phone: '13900000022' },
      status: 'approved',
      appliedAt: ago(30 * DAY),
      reviewedBy: 'oDemoSocial0001',
      reviewedAt: ago(29 * DAY),
      approvedAt: ago(29 * DAY),
      core: true,
      // Recorded by 李社工 when he joined a home visit (demoHomeVisits): the staffing rule's one man.
      gender: 'male',
      genderRecordedBy: 'oDemoSocial0001',
      genderRecordedAt: ago(5 * DAY),
      updatedAt: ago(29 * DAY),
    },
    {
      ...registration,
      _id: 'oDemoApplicant1',
      realName: '孙悦',
      phone: '13900000031',
      communityId: 'comm3',
      skills: ['教育辅导', '文艺表演'],
      availability: '周末下午',
      emergencyContact: { name: '孙先生', phone: '13900000032' },
      consentAt: ago(DAY),
      status: 'pending',
      appliedAt: ago(DAY),
      updatedAt: ago(DAY),
    },
  ];
  const team = {
    _id: 'DemoTeam01',
    stationId: DEMO_STATION_ID,
    name: '岭南长者关爱队',
    leaderId: 'oDemoVolunteer1',
    createdBy: 'oDemoSocial0001',
    createdAt: ago(20 * DAY),
    demo: true,
  };
  const member = {
    _id: 'DemoTeam01.oDemoVolunteer1',
    teamId: team._id,
    stationId: DEMO_STATION_ID,
    volunteerId: 'oDemoVolunteer1',
    joinedAt: ago(20 * DAY),
    demo: true,
  };
  // DemoAct005's roles: 秩序维护 (index 0), 长者陪护 (index 1).
  const signUp = {
    _id: 'DemoAct005.oDemoVolunteer1',
    activityId: 'DemoAct005',
    stationId: DEMO_STATION_ID,
    volunteerId: 'oDemoVolunteer1',
    role: '长者陪护',
    roleIndex: 1,
    status: 'confirmed',
    signedUpAt: ago(DAY),
    updatedAt: ago(DAY),
    demo: true,
  };
  const slot = { _id: 'DemoAct005.1', activityId: 'DemoAct005', roleIndex: 1, role: '长者陪护', taken: 1, demo: true };
  return { volunteers, teams: [team], teamMembers: [member], signUps: [signUp], slots: [slot] };
}

/**
 * Two home visits (入户探访, docs/home-visits.md) with their 探访人员: five days ago 李社工 and 王社工
 * visited 冯伯's family with 赵志愿 (two social workers and a man: meets seed 000's rule); yesterday
 * 李社工 went alone to 梁婆婆, an elder (the rule asks three social workers and a man: it falls
 * short, for 工作台 → 活动管理 to flag and a social worker to complete). The people visited are
 * residents of their own (not login personas), signed in by 李社工.
 */
function demoHomeVisits(now: Date) {
  const at = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(hour - 8, 0, 0, 0); // hour in Asia/Shanghai
    return d;
  };
  const visits = [
    {
      _id: 'DemoAct009',
      title: '入户探访：冯伯家',
      serviceArea: 'family',
      areaId: 'area3',
      communityId: 'comm5',
      place: '华林社区（居民家中）',
      startAt: at(-5, 10),
      visited: { openid: 'oDemoVisitee01', name: '冯伯' },
      team: [
        { personId: 'oDemoSocial0001', role: 'staff' },
        { personId: 'oDemoSocial0002', role: 'staff' },
        { personId: 'oDemoVolunteer1', role: 'volunteer' },
      ],
    },
    {
      _id: 'DemoAct010',
      title: '长者居家探访：梁婆婆',
      serviceArea: 'elderly',
      areaId: 'area1',
      communityId: 'comm1',
      place: '光复社区（居民家中）',
      startAt: at(-1, 15),
      visited: { openid: 'oDemoVisitee02', name: '梁婆婆' },
      team: [{ personId: 'oDemoSocial0001', role: 'staff' }],
    },
  ];
  const activities = visits.map((v) => ({
    _id: v._id,
    stationId: DEMO_STATION_ID,
    title: v.title,
    description: '社工上门探访，了解近况与需要。',
    kind: 'home_visit',
    serviceArea: v.serviceArea,
    areaId: v.areaId,
    communityId: v.communityId,
    place: v.place,
    startAt: v.startAt,
    endAt: new Date(v.startAt.getTime() + HOUR),
    capacity: 1,
    seatsTaken: 0,
    waitlisted: 0,
    bookingOpensAt: new Date(v.startAt.getTime() - 7 * DAY),
    bookingClosesAt: v.startAt,
    audience: 'invited' as const,
    invited: [v.visited.openid],
    volunteerRoles: [] as { role: string; count: number }[],
    status: 'published' as const,
    createdBy: 'oDemoSocial0001',
    createdAt: now,
    updatedAt: now,
    demo: true,
  }));
  const users = visits.map((v) => ({
    _id: v.visited.openid,
    name: v.visited.name,
    stationId: DEMO_STATION_ID,
    communityId: v.communityId,
    roles: ['resident'],
    consentAt: now,
    createdAt: now,
    updatedAt: now,
    demo: true,
  }));
  const attendance = visits.map((v) => ({
    _id: `${v._id}.${v.visited.openid}`,
    activityId: v._id,
    stationId: DEMO_STATION_ID,
    areaId: v.areaId,
    kind: 'home_visit',
    activityStartAt: v.startAt,
    personId: v.visited.openid,
    personName: v.visited.name,
    communityId: v.communityId,
    headcount: 1,
    signedInAt: new Date(v.startAt.getTime() + 5 * 60 * 1000),
    method: 'proxy',
    recordedBy: 'oDemoSocial0001',
    history: [],
    updatedAt: v.startAt,
  }));
  const team = visits.flatMap((v) =>
    v.team.map((m) => ({
      _id: `${v._id}.${m.personId}`,
      activityId: v._id,
      stationId: DEMO_STATION_ID,
      personId: m.personId,
      role: m.role,
      activityStartAt: v.startAt,
      addedBy: 'oDemoSocial0001',
      addedAt: new Date(v.startAt.getTime() + HOUR),
      updatedAt: new Date(v.startAt.getTime() + HOUR),
      demo: true,
    })),
  );
  return { activities, users, attendance, team };
}

/**
 * 微心愿 (docs/wishes.md): one on the wall — 张阿姨's rice cooker, written down by 李社工, its
 * public text naming nobody — one of 刘先生's waiting for review, and one 赵志愿 delivered to
 * 黄伯 and 李社工 confirmed for him (点亮) last week.
 */
function demoWishes(now: Date) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const base = { stationId: DEMO_STATION_ID, photoFileIds: [] as string[], demo: true };
  const event = (
    action: string,
    from: string | null,
    to: string,
    by: string,
    role: string,
    at: Date,
    note?: string,
  ) => ({
    action,
    from,
    to,
    by,
    role,
    at,
    ...(note ? { note } : {}),
  });
  const published = ago(2 * DAY);
  const riceCooker = {
    ...base,
    _id: 'DemoWish01',
    communityId: 'comm1',
    areaId: 'area1',
    beneficiaryId: 'oDemoResident01',
    submittedBy: 'oDemoSocial0001',
    what: '一台电饭煲',
    why: '家里的电饭煲坏了半年，一直用锅煮饭，容易糊，想要一台小的电饭煲。',
    estimatedValue: 200,
    category: 'daily_goods',
    status: 'published',
    version: 2,
    history: [
      event('submit', null, 'submitted', 'oDemoSocial0001', 'staff', ago(3 * DAY)),
      event('approve', 'submitted', 'approved', 'oDemoSocial0001', 'staff', published),
      event('publish', 'approved', 'published', 'system', 'system', published),
    ],
    publicTitle: '为长者添一台电饭煲',
    publicText: '一位长者家里的电饭煲坏了，想要一台小容量的电饭煲，方便每天煮饭。',
    handlerId: 'oDemoSocial0001',
    publishedAt: published,
    createdAt: ago(3 * DAY),
    updatedAt: published,
  };
  const submittedAt = ago(DAY);
  const schoolBag = {
    ...base,
    _id: 'DemoWish02',
    communityId: 'comm4',
    areaId: 'area2',
    beneficiaryId: 'oDemoResident02',
    submittedBy: 'oDemoResident02',
    what: '孩子的书包和文具',
    why: '孩子下学期升三年级，旧书包已经破了，想给他换一个书包和一套文具。',
    estimatedValue: 150,
    category: 'study',
    status: 'submitted',
    version: 1,
    history: [event('submit', null, 'submitted', 'oDemoResident02', 'beneficiary', submittedAt)],
    createdAt: submittedAt,
    updatedAt: submittedAt,
  };
  const approvedAt = ago(12 * DAY);
  const claimedAt = ago(11 * DAY);
  const deliveredAt = ago(8 * DAY);
  const confirmedAt = ago(7 * DAY);
  const radio = {
    ...base,
    _id: 'DemoWish03',
    communityId: 'comm1',
    areaId: 'area1',
    beneficiaryId: 'oDemoGroupMem01',
    submittedBy: 'oDemoSocial0001',
    what: '一台收音机',
    why: '黄伯眼睛不好，平时靠听广播打发时间，收音机坏了。',
    estimatedValue: 100,
    category: 'daily_goods',
    status: 'confirmed',
    version: 5,
    history: [
      event('submit', null, 'submitted', 'oDemoSocial0001', 'staff', ago(13 * DAY)),
      event('approve', 'submitted', 'approved', 'oDemoSocial0001', 'staff', approvedAt),
      event('publish', 'approved', 'published', 'system', 'system', approvedAt),
      event('claim', 'published', 'claimed', 'oDemoVolunteer1', 'member', claimedAt),
      event('fulfil', 'claimed', 'fulfilled', 'oDemoVolunteer1', 'claimer', deliveredAt, '已送到黄伯家，教会了调台'),
      event('confirm', 'fulfilled', 'confirmed', 'oDemoSocial0001', 'staff', confirmedAt, '电话回访，黄伯说很好用'),
    ],
    publicTitle: '为长者送一台收音机',
    publicText: '一位视力不好的长者平时靠听广播解闷，想要一台操作简单的收音机。',
    handlerId: 'oDemoSocial0001',
    publishedAt: approvedAt,
    claimerId: 'oDemoVolunteer1',
    claimedAt,
    delivery: { note: '已送到黄伯家，教会了调台', photoFileIds: [], by: 'oDemoVolunteer1', at: deliveredAt },
    confirmedAt,
    createdAt: ago(13 * DAY),
    updatedAt: confirmedAt,
  };
  return [riceCooker, schoolBag, radio];
}

/**
 * Feedback (docs/feedback.md): 刘先生's suggestion, which 王社工 answered within the 2 days; it
 * waits for 刘先生 to close it or, within 7 days of the reply, reopen it.
 */
function demoComplaints(now: Date) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const receivedAt = ago(3 * DAY);
  const repliedAt = ago(2 * DAY);
  const reply = '已和社区商量，下月起每周六上午开放长者活动室，届时会在活动通知里说明。';
  return [
    {
      _id: 'fbDemo000001',
      stationId: DEMO_STATION_ID,
      senderId: 'oDemoResident02',
      category: 'suggestion',
      text: '建议周末也开放长者活动室，上班的子女可以陪老人一起来参加。',
      anonymous: false,
      photoFileIds: [],
      status: 'replied',
      handlerId: 'oDemoSocial0002',
      receivedAt,
      dueAt: new Date(receivedAt.getTime() + 2 * DAY),
      firstRepliedAt: repliedAt,
      lastRepliedAt: repliedAt,
      reply,
      history: [
        { step: 'receive', by: 'oDemoResident02', at: receivedAt },
        { step: 'assign', by: 'system', at: receivedAt, handlerId: 'oDemoSocial0002' },
        { step: 'reply', by: 'oDemoSocial0002', at: repliedAt, note: reply },
      ],
      version: 2,
      createdAt: receivedAt,
      updatedAt: repliedAt,
      demo: true,
    },
  ];
}

/**
 * Satisfaction forms (docs/surveys.md): 李社工 made two forms from the templates. The 防诈骗宣讲
 * (DemoAct006) and the 长者生日会 (DemoAct007) ask the activity form, and the 小组 (DemoAct008)
 * the group form. 张阿姨 and 刘先生 answered at the 宣讲; at the 生日会 刘先生 answered and 张阿姨
 * has not yet — log in as her to try it (活动 → 长者生日会 → 填写意见表).
 */
function demoSurveys(now: Date, activities: ReturnType<typeof demoActivities>) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const form = (id: string, template: SurveyTemplate) => ({
    _id: id,
    stationId: DEMO_STATION_ID,
    ...template.draft,
    version: 1,
    status: 'active',
    templateId: template.id,
    createdBy: 'oDemoSocial0001',
    createdAt: ago(10 * DAY),
    updatedBy: 'oDemoSocial0001',
    updatedAt: ago(10 * DAY),
    demo: true,
  });
  const [activityTemplate, groupTemplate] = SURVEY_TEMPLATES as [SurveyTemplate, SurveyTemplate];
  const forms = [form('sfDemoForm01', activityTemplate), form('sfDemoForm02', groupTemplate)];
  const answers = (overall: number, comment?: string): SurveyAnswer[] => [
    { questionId: 'q1', rating: 5 },
    { questionId: 'q2', rating: 4 },
    { questionId: 'q3', rating: overall },
    { questionId: 'q4', rating: 5 },
    { questionId: 'q5', rating: overall },
    { questionId: 'q6', choices: ['o1'] },
    { questionId: 'q7', choices: [overall >= 4 ? 'o1' : 'o2'] },
    ...(comment ? [{ questionId: 'q9', text: comment }] : []),
  ];
  const given: Record<string, { personId: string; personName: string; answers: SurveyAnswer[] }[]> = {
    DemoAct006: [
      {
        personId: 'oDemoResident01',
        personName: '张阿姨',
        answers: answers(5, '讲得很清楚，以后接到陌生电话会多个心眼。'),
      },
      { personId: 'oDemoResident02', personName: '刘先生', answers: answers(3) },
    ],
    DemoAct007: [
      { personId: 'oDemoResident02', personName: '刘先生', answers: answers(4, '希望下次多准备一些长寿面。') },
    ],
    DemoAct008: [],
  };
  const attachments = Object.entries(given).map(([activityId, responses]) => {
    const source = activityId === 'DemoAct008' ? forms[1]! : forms[0]!;
    return {
      _id: activityId,
      activityId,
      stationId: DEMO_STATION_ID,
      formId: source._id,
      formVersion: 1,
      title: source.title,
      intro: source.intro,
      questions: source.questions,
      overallQuestionId: source.overallQuestionId,
      status: 'open',
      rev: 1,
      responses: responses.length,
      attachedBy: 'oDemoSocial0001',
      attachedAt: ago(9 * DAY),
      updatedAt: ago(9 * DAY),
      history: [{ action: 'attach', by: 'oDemoSocial0001', at: ago(9 * DAY) }],
      demo: true,
    };
  });
  const responses = Object.entries(given).flatMap(([activityId, list]) => {
    const activity = activities.find((a) => a._id === activityId);
    if (!activity) return [];
    return list.map((r) => ({
      _id: `${activityId}.${r.personId}`,
      activityId,
      stationId: DEMO_STATION_ID,
      areaId: activity.areaId,
      kind: activity.kind,
      activityEndAt: activity.endAt,
      formId: forms[0]!._id,
      formVersion: 1,
      personId: r.personId,
      personName: r.personName,
      answers: r.answers,
      ...derivedFields(forms[0]!, r.answers),
      isPaper: 0,
      channel: 'self',
      submittedAt: new Date(activity.endAt.getTime() + HOUR),
      status: 'submitted',
      history: [],
      demo: true,
    }));
  });
  return { forms, attachments, responses };
}

/**
 * A contract for the demo station (docs/indicators.md): a year around the day of seeding, its three
 * 片区, indicators of each source — counted activities, 小组, 服务人次/人数, volunteer hours, new
 * volunteers, teams, wishes, complaints, satisfaction, a manual count with one entry, and the
 * home visits that meet the staffing rule — so 工作台's indicator table has something to show.
 */
function demoContract(now: Date) {
  const month = dayjs(now).tz(STATION_TIME_ZONE).startOf('month');
  const byArea = (a: number, b: number, c: number) => ({ area1: a, area2: b, area3: c });
  const indicator = (
    id: string,
    section: string,
    name: string,
    measure: string,
    unit: string,
    targets: object,
    more = {},
  ) => ({
    id,
    section,
    name,
    measure,
    filter: { kinds: [], serviceAreas: [], communityIds: [] },
    unit,
    targets: { byArea: {}, ...targets },
    evidence: '',
    note: '',
    ...more,
  });
  const kinds = (...k: string[]) => ({ filter: { kinds: k, serviceAreas: [], communityIds: [] } });
  const contract = {
    _id: 'ct_DemoLingnan',
    stationId: DEMO_STATION_ID,
    name: '岭南街社工服务站购买服务项目（演示）',
    purchaser: '岭南街道办事处（演示）',
    periodStart: month.subtract(5, 'month').format('YYYY-MM-DD'),
    periodEnd: month.add(7, 'month').subtract(1, 'day').format('YYYY-MM-DD'),
    areaIds: ['area1', 'area2', 'area3'],
    settings: {
      largeEventMinAttendance: 50,
      smallEventMinAttendance: 10,
      lectureMinAttendance: 30,
      lectureMinMinutes: 40,
      workshopMinAttendance: 10,
      conversionAllowed: false,
    },
    indicators: [
      indicator(
        'large-events',
        '大型社区活动',
        '开展场次',
        'activities_held',
        '场',
        { byArea: byArea(2, 3, 3), total: 8 },
        kinds('large_event'),
      ),
      indicator(
        'small-events',
        '中小型社区活动',
        '开展场次',
        'activities_held',
        '场',
        { byArea: byArea(10, 10, 10), total: 30 },
        kinds('small_event'),
      ),
      indicator(
        'groups',
        '专业小组',
        '小组个数',
        'groups_held',
        '个',
        { byArea: byArea(5, 8, 8), total: 21 },
        kinds('group_session'),
      ),
      indicator(
        'group-sessions',
        '专业小组',
        '小组节数',
        'sessions_held',
        '节',
        { byArea: byArea(25, 40, 40), total: 105 },
        kinds('group_session'),
      ),
      indicator('attendances', '社区服务', '服务人次', 'attendances', '人次', { total: 3000 }),
      indicator('people', '社区服务', '服务人数', 'distinct_people', '人', { total: 800 }),
      indicator('volunteer-hours', '志愿者服务', '服务时数', 'volunteer_hours', '小时', { total: 2000 }),
      indicator('new-volunteers', '志愿者服务', '新增志愿者', 'new_volunteers', '人', { total: 70 }),
      indicator('active-teams', '志愿者服务', '志愿者团队维系', 'active_teams', '个', { total: 6 }),
      indicator('wishes', '微心愿', '点亮微心愿', 'wishes_fulfilled', '个', { total: 50 }),
      indicator('complaints', '意见处理', '意见处理及时率', 'complaints_answered_in_time_rate', '%', { total: 100 }),
      indicator('satisfaction', '服务满意度', '满意度', 'satisfaction_rate', '%', { total: 80 }),
      indicator(
        'brochures',
        '社区宣传',
        '宣传册派发本数',
        'manual_count',
        '本',
        { total: 1000 },
        {
          evidence: '宣传册派发登记表',
          frequency: { every: 'quarter', atLeast: 100 },
        },
      ),
      indicator(
        'home-visits',
        '社区入户探访',
        '入户次数（人员配备达标）',
        'home_visits_staffed',
        '次',
        { total: 50 },
        kinds('home_visit'),
      ),
    ],
    status: 'active',
    version: 1,
    createdBy: 'oDemoAdmin0001',
    createdAt: now,
    updatedBy: 'oDemoAdmin0001',
    updatedAt: now,
    demo: true,
  };
  const count = {
    _id: 'mc_DemoBrochure1',
    rootId: 'mc_DemoBrochure1',
    version: 1,
    stationId: DEMO_STATION_ID,
    contractId: contract._id,
    indicatorId: 'brochures',
    areaId: 'area1',
    date: dayjs(now).tz(STATION_TIME_ZONE).format('YYYY-MM-DD'),
    hundredths: 12000,
    note: '防诈骗宣传册派发登记表（演示）',
    photoFileIds: [],
    recordedBy: 'oDemoSocial0001',
    recordedByName: '李社工',
    recordedAt: now,
    demo: true,
  };
  return { contract, counts: [count] };
}

/** Seeds an empty database; a database that already has stations is left alone. */
export async function seedDemoData(db: LocalDatabase, now: Date): Promise<{ seeded: boolean }> {
  if ((await db.dump('stations')).length > 0) return { seeded: false };
  // Every demo person agreed to the notice in force; sealed fields are stored sealed (docs/privacy.md).
  const agreed = <T extends object>(users: T[]) =>
    users.map((user) => ({ consentVersion: PRIVACY_NOTICE_VERSION, ...user }));
  const sealedAll = <T extends object>(collection: string, docs: T[]) =>
    docs.map((doc) => sealStoredFields(collection, doc as Record<string, unknown>));
  await db.insertMany(
    'stations',
    stations.map((s) => ({ ...s, version: 1, createdAt: now, demo: true })),
  );
  await db.insertMany(
    'users',
    agreed(
      DEMO_PERSONAS.map((p) => ({
        _id: p.openid,
        name: p.name,
        stationId: p.stationId,
        communityId: p.communityId,
        roles: p.roles,
        ...(p.phone ? { phone: p.phone } : {}),
        consentAt: now,
        createdAt: now,
        updatedAt: now,
        demo: true,
      })),
    ),
  );
  const activities = demoActivities(now);
  await db.insertMany('activities', activities);
  await db.insertMany('attendance', demoAttendance(activities));
  const group = demoGroup(now);
  await db.insertMany('users', agreed(group.users));
  await db.insertMany('activities', [group.activity]);
  await db.insertMany('bookings', group.bookings);
  await db.insertMany('attendance', group.attendance);
  const homeVisits = demoHomeVisits(now);
  await db.insertMany('users', agreed(homeVisits.users));
  await db.insertMany('activities', homeVisits.activities);
  await db.insertMany('attendance', homeVisits.attendance);
  await db.insertMany('visit_team', homeVisits.team);
  const surveys = demoSurveys(now, activities);
  await db.insertMany('survey_forms', surveys.forms);
  await db.insertMany('survey_attachments', surveys.attachments);
  await db.insertMany('survey_responses', surveys.responses);
  const volunteering = demoVolunteering(now);
  await db.insertMany('volunteers', volunteering.volunteers);
  await db.insertMany('teams', volunteering.teams);
  await db.insertMany('team_members', volunteering.teamMembers);
  await db.insertMany('shift_signups', volunteering.signUps);
  await db.insertMany('shift_slots', volunteering.slots);
  await db.insertMany('complaints', sealedAll('complaints', demoComplaints(now)));
  await db.insertMany('wishes', sealedAll('wishes', demoWishes(now)));
  const indicators = demoContract(now);
  await db.insertMany('contracts', [indicators.contract]);
  await db.insertMany('indicator_manual_counts', indicators.counts);
  return { seeded: true };
}
