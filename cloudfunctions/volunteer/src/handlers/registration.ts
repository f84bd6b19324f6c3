import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { volunteersRepository } from '../../../_shared/repositories/volunteers';
import { teamRefsOf } from '../loaders';
import { applyAsVolunteer } from '../registration-service';
import { toMyVolunteer } from '../views';

/** A resident applies to volunteer at their own station (the station comes from their profile). */
export const register = defineAction('volunteer', 'register', {
  access: 'registered',
  scope: 'self',
  writes: true,
  async handle(draft, { caller, now }) {
    const station = await stationsRepository.findById(caller.stationId);
    if (!station?.communities.some((c) => c.id === draft.communityId)) {
      throw new AppError('INVALID_INPUT', '请选择本站的社区', [{ path: 'communityId', message: '不是本站的社区' }]);
    }
    const doc = await applyAsVolunteer(
      caller,
      {
        stationId: caller.stationId,
        realName: draft.realName,
        phone: draft.phone,
        communityId: draft.communityId,
        skills: draft.skills,
        availability: draft.availability,
        emergencyContact: { name: draft.emergencyContact.name, phone: draft.emergencyContact.phone },
      },
      now,
    );
    return toMyVolunteer(doc, (await teamRefsOf([caller._id])).get(caller._id) ?? []);
  },
});

/** The caller's registration at their station, or null (never applied, or applied elsewhere). */
export const me = defineAction('volunteer', 'me', {
  access: 'registered',
  scope: 'self',
  writes: false,
  async handle(_input, { caller }) {
    const doc = await volunteersRepository.find(caller._id);
    if (!doc || doc.stationId !== caller.stationId) return { volunteer: null };
    return { volunteer: toMyVolunteer(doc, (await teamRefsOf([caller._id])).get(caller._id) ?? []) };
  },
});
