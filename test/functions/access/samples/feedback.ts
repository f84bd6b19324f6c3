import { chinaDay } from '../fixtures';
import type { Samples } from '../sample';

export const feedback: Samples<'feedback'> = {
  options: { input: {} },
  submit: {
    input: { category: 'suggestion', text: '长者生日会办得很好，希望每月都办。', aboutActivityId: 'DemoAct007' },
    names: 'station',
  },
  mine: { input: {} },
  // 张阿姨's, handled by 李社工 (fixtures).
  get: { input: (fx) => ({ complaintId: fx.openComplaintId }), names: 'resident' },
  inbox: { input: { scope: 'mine', state: 'open' } },
  summary: { input: {} },
  reply: {
    input: (fx) => ({ complaintId: fx.openComplaintId, reply: '已安排师傅本周检修空调。' }),
    names: 'station',
  },
  close: { input: (fx) => ({ complaintId: fx.repliedComplaintId, note: '问题已解决' }), names: 'resident' },
  reopen: {
    input: (fx) => ({ complaintId: fx.repliedComplaintId, reason: '还没有安排讲座' }),
    names: 'resident',
  },
  reassign: {
    input: (fx) => ({ complaintId: fx.openComplaintId, handlerId: 'oDemoSocial0002' }),
    names: 'station',
  },
  indicators: { input: (fx) => ({ fromDate: chinaDay(fx.now, -30), toDate: chinaDay(fx.now) }) },
};
