import { chinaDay } from '../fixtures';
import type { Samples } from '../sample';

const draft = {
  what: '一台电风扇',
  why: '夏天太热，家里的电风扇坏了，想要一台落地扇。',
  estimatedValue: 150,
  category: 'daily_goods' as const,
  photoFileIds: [],
};

export const wishes: Samples<'wishes'> = {
  submit: { input: draft },
  revise: { input: (fx) => ({ ...draft, wishId: fx.wishToReviseId }), names: 'resident' },
  mine: { input: {} },
  // 张阿姨's rice cooker: hers and her station's staff's to see whole.
  get: { input: { wishId: 'DemoWish01' }, names: 'resident' },
  inbox: { input: { view: 'review' } },
  summary: { input: (fx) => ({ fromDate: chinaDay(fx.now, -30), toDate: chinaDay(fx.now) }) },
  approve: {
    input: {
      wishId: 'DemoWish02',
      publicTitle: '为孩子添一个新书包',
      publicText: '一位小学生的书包破了，希望有一个新书包和一套文具。',
    },
    names: 'station',
  },
  requestChanges: { input: { wishId: 'DemoWish02', reason: '请写明孩子的年级' }, names: 'station' },
  decline: { input: { wishId: 'DemoWish02', reason: '不属于微心愿的范围' }, names: 'station' },
  withdraw: { input: { wishId: 'DemoWish01', reason: '家人已经买了' }, names: 'resident' },
  wall: { input: { view: 'open' } },
  publicView: { input: { wishId: 'DemoWish01' }, names: 'station' },
  claim: { input: (fx) => ({ wishId: fx.wishToClaimId }), names: 'station' },
  // 赵志愿 holds the claim (fixtures): he or the staff may give it up or record the delivery.
  release: { input: (fx) => ({ wishId: fx.wishClaimedId, reason: '临时出差' }), names: 'volunteer' },
  fulfil: {
    input: (fx) => ({ wishId: fx.wishClaimedId, note: '已送到老人家中。', photoFileIds: [] }),
    names: 'volunteer',
  },
  confirm: { input: (fx) => ({ wishId: fx.wishFulfilledId, note: '收到了，谢谢' }), names: 'resident' },
};
