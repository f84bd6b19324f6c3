import { chinaDay, servedSpan } from '../fixtures';
import type { Samples } from '../sample';

export const hours: Samples<'hours'> = {
  mine: { input: {} },
  report: { input: (fx) => ({ span: servedSpan(fx.now, 120, 60), content: '协助社区义诊' }) },
  requestCorrection: {
    input: (fx) => ({ entryId: fx.pendingEntryId, reason: '开始时间记早了半小时' }),
    names: 'volunteer',
  },
  pending: { input: {} },
  approve: { input: (fx) => ({ entryIds: [fx.pendingEntryId] }), names: 'station' },
  reject: { input: (fx) => ({ entryId: fx.pendingEntryId, reason: '当天没有这项服务' }), names: 'station' },
  add: {
    input: (fx) => ({ volunteerId: 'oDemoVolunteer1', span: servedSpan(fx.now, 180, 60), content: '入户探访独居长者' }),
    names: 'station',
  },
  correct: {
    input: (fx) => ({ entryId: fx.pendingEntryId, span: servedSpan(fx.now, 60, 60), reason: '按签到表更正时间' }),
    names: 'station',
  },
  declineCorrection: {
    input: (fx) => ({ entryId: fx.correctionEntryId, reason: '签退记录与签到表一致' }),
    names: 'station',
  },
  history: { input: (fx) => ({ entryId: fx.pendingEntryId }), names: 'volunteer' },
  issueCertificate: { input: (fx) => ({ fromDate: chinaDay(fx.now, -30), toDate: chinaDay(fx.now) }) },
  verifyCertificate: { input: (fx) => fx.certificate },
};
