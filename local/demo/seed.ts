import type { Role } from '@linli/types/entities/common';
import type { LocalDatabase } from '../db';

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
    openid: 'oDemoOtherSW01',
    name: '周社工',
    roles: ['resident', 'social_worker'],
    stationId: OTHER_STATION_ID,
    communityId: 'comm1',
    description: '另一社工站的社工：验证跨站数据隔离',
  },
];

/** Seeds an empty database; a database that already has stations is left alone. */
export async function seedDemoData(db: LocalDatabase, now: Date): Promise<{ seeded: boolean }> {
  if ((await db.dump('stations')).length > 0) return { seeded: false };
  await db.insertMany(
    'stations',
    stations.map((s) => ({ ...s, version: 1, createdAt: now, demo: true })),
  );
  await db.insertMany(
    'users',
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
  );
  return { seeded: true };
}
