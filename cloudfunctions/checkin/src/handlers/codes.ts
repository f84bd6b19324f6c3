import { randomBytes } from 'node:crypto';
import { personalCodeFor } from '../../../_shared/domain/attendance';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../../_shared/domain/short-id';
import {
  issueSignInToken,
  secondsUntilRotation,
  signInWindow,
  tokenExpiresAt,
} from '../../../_shared/domain/signin-token';
import { platform } from '../../../_shared/platform';
import { qrPngBase64 } from '../../../_shared/qr';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { requireSecret } from '../../../_shared/runtime/secrets';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { usersRepository, type UserDoc } from '../../../_shared/repositories/users';

/** The page a sign-in code opens; the token travels as its `scene`. */
export const CHECKIN_PAGE = 'pages/checkin/index';

/**
 * The code on the social worker's screen. A new token every 30 s (the screen asks again when
 * `rotatesInSeconds` runs out); a photo of it stops working within a minute.
 */
export const code = defineAction('checkin', 'code', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ activityId, mode }, { caller, now }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    const token = issueSignInToken({ secret: requireSecret('LINLI_SIGNIN_SECRET'), mode, activityId, now });
    const image = await platform().miniProgramCode({ scene: token, page: CHECKIN_PAGE });
    return {
      token,
      imageBase64: image.toString('base64'),
      link: platform().linkFor(CHECKIN_PAGE, token),
      expiresAt: tokenExpiresAt(signInWindow(now)).toISOString(),
      rotatesInSeconds: secondsUntilRotation(now),
    };
  },
});

/** The resident's own long-lived code, for staff to scan (or print on a card). */
export const myCode = defineAction('checkin', 'myCode', {
  access: 'registered',
  scope: 'self',
  writes: true,
  async handle(_input, { caller }) {
    const cardId = await usersRepository.ensureCardId(caller, newCardId());
    const personalCode = personalCodeFor(cardId);
    return { code: personalCode, imageBase64: await qrPngBase64(personalCode), name: caller.name };
  },
});

/** The resident a staff member makes a card for: one of the caller's station. */
async function residentOfStation(personId: string, stationId: string) {
  const person = await usersRepository.findByOpenid(personId);
  if (!person || person.stationId !== stationId) throw new AppError('NOT_FOUND', '未找到该居民');
  return person;
}

async function cardOf(person: UserDoc, cardId: string) {
  const station = await stationsRepository.findById(person.stationId);
  const personalCode = personalCodeFor(cardId);
  return {
    code: personalCode,
    imageBase64: await qrPngBase64(personalCode),
    name: person.name,
    communityName: station?.communities.find((c) => c.id === person.communityId)?.name ?? null,
  };
}

const newCardId = (): string => shortIdFromBytes(randomBytes(shortIdBytesNeeded()));

/**
 * A printable card for a resident without a phone: the same personal code the phone shows (so a
 * card and a phone scan alike), with the name and community printed next to it. Staff of the
 * person's station only.
 */
export const personCard = defineAction('checkin', 'personCard', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ personId }, { caller }) {
    const person = await residentOfStation(personId, caller.stationId);
    return cardOf(person, await usersRepository.ensureCardId(person, newCardId()));
  },
});

/** A lost card: a new random card id, so whoever finds the old card cannot sign in with it. */
export const reissueCard = defineAction('checkin', 'reissueCard', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ personId }, { caller }) {
    const person = await residentOfStation(personId, caller.stationId);
    const cardId = newCardId();
    await usersRepository.replaceCardId(person._id, cardId);
    return cardOf(person, cardId);
  },
});
