import { totals } from '../../../_shared/domain/hour-entries';
import { isApprovedVolunteerOf } from '../../../_shared/domain/volunteer-shifts';
import { formatHours } from '../../../_shared/domain/volunteer-hours';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { toHourEntry } from '../../../_shared/repositories/hour-entries';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { usersRepository } from '../../../_shared/repositories/users';
import { hourEntriesRepository } from '../../../_shared/repositories/hour-entries';
import { volunteersRepository } from '../../../_shared/repositories/volunteers';
import { loadVolunteerOfStation, teamRefsOf } from '../loaders';
import { toVolunteerDetail, toVolunteerSummary } from '../views';

/** The station's registrations, newest first, phones masked. */
export const registrations = defineAction('volunteer', 'registrations', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ status }, { caller }) {
    const [docs, station] = await Promise.all([
      volunteersRepository.listForStation(caller.stationId, status),
      stationsRepository.findById(caller.stationId),
    ]);
    const teams = await teamRefsOf(docs.map((d) => d._id));
    return { items: docs.map((d) => toVolunteerSummary(d, station, teams.get(d._id) ?? [])) };
  },
});

/**
 * The whole record, contact details included: the only place a volunteer's phone and emergency
 * contact are shown whole, and only to the staff of the volunteer's station.
 */
export const detail = defineAction('volunteer', 'detail', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  // The staff page calls the volunteer and, if need be, their emergency contact.
  reveals: ['phone'],
  async handle({ volunteerId }, { caller }) {
    const doc = await loadVolunteerOfStation(volunteerId, caller.stationId);
    const [station, teams, reviewer, entries] = await Promise.all([
      stationsRepository.findById(caller.stationId),
      teamRefsOf([volunteerId]),
      doc.reviewedBy ? usersRepository.findByOpenid(doc.reviewedBy) : Promise.resolve(null),
      hourEntriesRepository.forVolunteer(volunteerId),
    ]);
    // Hours served for this station only: another station's records are theirs to show.
    const own = entries.filter((e) => e.stationId === caller.stationId).map(toHourEntry);
    return toVolunteerDetail(doc, station, teams.get(volunteerId) ?? [], {
      reviewerName: reviewer?.name ?? null,
      approvedHours: formatHours(totals(own).approvedMinutes),
    });
  },
});

/** Marks or unmarks 骨干. Only an approved volunteer can be marked; unmarking is always allowed. */
export const setCore = defineAction('volunteer', 'setCore', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ volunteerId, core }, { caller, now }) {
    const doc = await loadVolunteerOfStation(volunteerId, caller.stationId);
    if (core && !isApprovedVolunteerOf(doc, caller.stationId)) {
      throw new AppError('NOT_VOLUNTEER', '只有审核通过的志愿者可以标为骨干');
    }
    if (doc.core !== core) await volunteersRepository.setCore(volunteerId, core, now);
    const [station, teams] = await Promise.all([
      stationsRepository.findById(caller.stationId),
      teamRefsOf([volunteerId]),
    ]);
    return toVolunteerSummary({ ...doc, core }, station, teams.get(volunteerId) ?? []);
  },
});
