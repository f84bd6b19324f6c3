import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { hourEntriesRepository } from '../../../_shared/repositories/hour-entries';
import { entryViews, maySee } from '../entries';

/**
 * Every version of an entry, oldest first, each with its trail (who, when, why, hours before
 * and after a correction). For the entry's volunteer and the staff of its station; anyone else
 * is told it does not exist.
 */
export const history = defineAction('hours', 'history', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: false,
  async handle({ entryId }, { caller }) {
    const doc = await hourEntriesRepository.findById(entryId);
    if (!doc || !maySee(doc, caller)) throw new AppError('NOT_FOUND', '未找到该时长记录');
    const versions = await hourEntriesRepository.versionsOf(doc.rootId);
    return { versions: await entryViews(versions, caller) };
  },
});
