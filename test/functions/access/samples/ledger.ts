import { chinaDay } from '../fixtures';
import type { Samples } from '../sample';

const CONTRACT = 'ct_DemoLingnan';
const lastMonth = (now: Date) => ({ fromDate: chinaDay(now, -30), toDate: chinaDay(now) });

export const ledger: Samples<'ledger'> = {
  signInSheet: { input: { activityId: 'DemoAct007' }, names: 'station' },
  volunteerRegistry: { input: (fx) => lastMonth(fx.now) },
  completionTable: { input: (fx) => ({ contractId: CONTRACT, ...lastMonth(fx.now) }), names: 'station' },
  evidencePack: { input: (fx) => ({ contractId: CONTRACT, ...lastMonth(fx.now) }), names: 'station' },
};
