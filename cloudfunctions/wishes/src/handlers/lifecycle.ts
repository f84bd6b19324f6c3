import { decideTransition } from '../../../_shared/domain/wishes';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { toWishState } from '../../../_shared/repositories/wishes';
import { actorOf, loadWishDetail } from '../access';
import { wishDetail } from '../detail-view';
import { runStep } from '../steps';

/**
 * Withdraws a wish before anyone claimed it: the beneficiary or whoever submitted it no longer
 * needs it, or staff take it off. A claimed wish is released first (by its claimer or staff),
 * so nobody is left holding a wish that vanished.
 */
export const withdraw = defineAction('wishes', 'withdraw', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: true,
  async handle({ wishId, reason }, { caller, now }) {
    const step = { wishId, action: 'withdraw', caller, now, load: loadWishDetail } as const;
    const { doc } = await runStep(step, (current) => ({
      decision: decideTransition(toWishState(current), 'withdraw', actorOf(caller), now, reason),
    }));
    return wishDetail(doc, caller);
  },
});

/**
 * 确认收到: the beneficiary, or a social worker for them (many have no phone), confirms the
 * delivery. The wish is 点亮 from this moment: `confirmedAt` is what the indicator counts by.
 */
export const confirm = defineAction('wishes', 'confirm', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: true,
  async handle({ wishId, note }, { caller, now }) {
    const step = { wishId, action: 'confirm', caller, now, load: loadWishDetail } as const;
    const { doc } = await runStep(step, (current) => ({
      decision: decideTransition(toWishState(current), 'confirm', actorOf(caller), now, note),
      fields: { confirmedAt: now },
    }));
    return wishDetail(doc, caller);
  },
});
