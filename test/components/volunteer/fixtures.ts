import type { Certificate, HourEntryView, MyHours } from '@linli/types/entities/hours';
import type { MyVolunteer, Shift, Team } from '@linli/types/entities/volunteer';
import type { Me } from '@/services/session';
import { profile, station } from '../support/fixtures';

/** 刘建国, a resident of 湖滨社区 (the test station), as a volunteer sees himself. */
export const applicant: Me = { profile: profile({ openid: 'o_liu', name: '刘建国', roles: ['resident'] }), station };
export const volunteerMe: Me = {
  profile: profile({ openid: 'o_liu', name: '刘建国', roles: ['resident', 'volunteer'] }),
  station,
};

export function myVolunteer(overrides: Partial<MyVolunteer> = {}): MyVolunteer {
  return {
    status: 'approved',
    realName: '刘建国',
    phoneMasked: '139****0012',
    communityId: 'c_park',
    skills: ['陪伴探访', '手语'],
    availability: '周末上午',
    emergencyContactName: '刘小红',
    emergencyPhoneMasked: '137****5678',
    appliedAt: '2026-11-01T09:00:00+08:00',
    reviewedAt: '2026-11-02T10:00:00+08:00',
    core: false,
    teams: [],
    ...overrides,
  };
}

export function team(overrides: Partial<Team> = {}): Team {
  return {
    id: 'team_elder',
    name: '岭南长者关爱队',
    leaderName: '赵志愿',
    memberCount: 5,
    joined: false,
    ...overrides,
  };
}

export function shift(overrides: Partial<Shift> = {}): Shift {
  return {
    activityId: 'Act0000005',
    title: '重阳敬老文艺汇演',
    place: '华林社区文化广场',
    startAt: '2026-11-30T09:00:00+08:00',
    endAt: '2026-11-30T12:00:00+08:00',
    roles: [
      { role: '秩序维护', count: 4, taken: 1 },
      { role: '长者陪护', count: 6, taken: 6 },
    ],
    myRole: null,
    ...overrides,
  };
}

export function hourEntry(overrides: Partial<HourEntryView> = {}): HourEntryView {
  return {
    id: 'scan_Act0000001_o_liu',
    rootId: 'scan_Act0000001_o_liu',
    version: 1,
    volunteerId: 'o_liu',
    volunteerName: '刘建国',
    source: 'scan',
    status: 'pending',
    flag: null,
    content: '太极晨练',
    activityId: 'Act0000001',
    teamName: '岭南长者关爱队',
    servedAt: '2026-11-18T08:00:00+08:00',
    startAt: '2026-11-18T08:00:00+08:00',
    endAt: '2026-11-18T09:30:00+08:00',
    minutes: 90,
    hours: '1.50',
    note: null,
    photoUrl: null,
    correctionRequest: null,
    history: [{ action: 'created', version: 1, by: '刘建国', at: '2026-11-18T09:30:00+08:00' }],
    ...overrides,
  };
}

export function myHours(overrides: Partial<MyHours> = {}): MyHours {
  return {
    totalHours: '12.50',
    yearHours: '10.00',
    pendingHours: '1.50',
    byMonth: [
      { label: '2026-11', hours: '8.00' },
      { label: '2026-10', hours: '4.50' },
    ],
    byTeam: [{ label: '岭南长者关爱队', hours: '12.50' }],
    byActivity: [
      { label: '太极晨练', hours: '6.00' },
      { label: '入户探访', hours: '6.50' },
    ],
    entries: [hourEntry()],
    ...overrides,
  };
}

export function certificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    number: 'LL-DEMO-2026-000007',
    code: '7K3M-Q9XD-2HBT-8W0R',
    title: '志愿服务记录证明',
    volunteer: { name: '刘建国', idMasked: '手机 139****0012' },
    rows: [
      { date: '2026-10-12', content: '入户探访', hours: '6.50' },
      { date: '2026-11-18', content: '太极晨练', hours: '6.00' },
    ],
    totalHours: '12.50',
    station: '东湖街道社工站',
    issuedOn: '2026-11-20',
    statement: '兹证明刘建国（证件号码手机 139****0012）在东湖街道社工站参加志愿服务2次，累计服务时长12.50小时。',
    ...overrides,
  };
}
