import type { Certificate } from '@linli/types/entities/hours';
import { countedEntryMinutes } from '../../../_shared/domain/hour-entries';
import { maskPhone } from '../../../_shared/domain/masking';
import {
  certificateContent,
  certificateDigest,
  certificateNumber,
  parseCertificateNumber,
  verifyCertificateDigest,
  type CertificateContent,
} from '../../../_shared/domain/volunteer-certificate';
import { AppError } from '../../../_shared/runtime/app-error';
import dayjs, { STATION_TIME_ZONE } from '../../../_shared/runtime/dayjs';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { requireSecret } from '../../../_shared/runtime/secrets';
import { certificatesRepository } from '../../../_shared/repositories/certificates';
import { countersRepository } from '../../../_shared/repositories/counters';
import { hourEntriesRepository, toHourEntry } from '../../../_shared/repositories/hour-entries';
import { volunteersRepository } from '../../../_shared/repositories/volunteers';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { stationCode } from '../station-code';

/** Days inclusive, China time → the half-open instants [from, to). */
export function periodBounds(fromDate: string, toDate: string): { from: Date; to: Date } {
  return {
    from: dayjs.tz(fromDate, STATION_TIME_ZONE).startOf('day').toDate(),
    to: dayjs.tz(toDate, STATION_TIME_ZONE).add(1, 'day').startOf('day').toDate(),
  };
}

/**
 * The identity line: we collect no ID number, so the volunteer is identified by the phone they
 * registered with, masked (手机 139****0021). Nothing is printed that we do not hold.
 */
export const maskedIdentity = (phone: string | undefined): string => (phone ? `手机 ${maskPhone(phone)}` : '未登记');

/** The certificate counter of a station and year: `cert.<stationId>.<year>`. */
export const certificateCounterId = (stationId: string, year: number): string => `cert.${stationId}.${year}`;

const view = (content: CertificateContent, code: string): Certificate => ({
  number: content.number,
  code,
  title: content.title,
  volunteer: content.volunteer,
  rows: content.rows.map(({ date, content: what, hours }) => ({ date, content: what, hours })),
  totalHours: content.total.hours,
  station: content.station,
  issuedOn: content.issuedOn,
  statement: content.statement,
});

/**
 * 志愿服务记录证明 for the caller: their approved entries served in the period that this station
 * recorded (谁记录谁证明: a station certifies its own records), each counted as the totals count
 * it (latest versions, overlapping time once, over the volunteer's whole record). The number
 * comes from the station's counter for the year; the content is stored as issued; the code is a
 * MAC of the content under LINLI_CERTIFICATE_SECRET.
 */
export const issueCertificate = defineAction('hours', 'issueCertificate', {
  access: ['volunteer'],
  scope: 'self',
  writes: true,
  async handle({ fromDate, toDate }, { caller, now }) {
    const secret = requireSecret('LINLI_CERTIFICATE_SECRET'); // before a number is drawn
    const { from, to } = periodBounds(fromDate, toDate);
    const docs = await hourEntriesRepository.forVolunteer(caller._id);
    const counted = countedEntryMinutes(docs.map(toHourEntry));
    const onIt = docs.filter(
      (d) =>
        d.stationId === caller.stationId &&
        d.status === 'approved' &&
        (counted.get(d._id) ?? 0) > 0 &&
        d.servedAt >= from &&
        d.servedAt < to,
    );
    if (onIt.length === 0) throw new AppError('NOT_FOUND', '所选期间内没有已通过审核的服务记录');
    const [station, registration] = await Promise.all([
      stationsRepository.findById(caller.stationId),
      volunteersRepository.find(caller._id),
    ]);
    if (!station) throw new AppError('NOT_FOUND', '未找到所在的社工站');
    // A certificate names the volunteer as registered (real name, registered phone), not by the
    // display name of their profile.
    const identity = {
      name: registration?.realName ?? caller.name,
      idMasked: maskedIdentity(registration?.phone ?? caller.phone),
    };

    const year = Number(dayjs(now).tz(STATION_TIME_ZONE).format('YYYY'));
    const sequence = await countersRepository.next(certificateCounterId(caller.stationId, year), now);
    const number = certificateNumber({ stationCode: stationCode(caller.stationId), year, sequence });
    const content = certificateContent({
      number,
      volunteer: identity,
      station: { name: station.name },
      entries: onIt.map((d) => ({
        entryId: d._id,
        status: d.status,
        date: d.servedAt,
        activityTitle: d.content,
        minutes: counted.get(d._id) ?? 0,
      })),
      issuedAt: now,
    });
    await certificatesRepository.insert({
      _id: number,
      stationId: caller.stationId,
      volunteerId: caller._id,
      content,
      period: { fromDate, toDate },
      entryIds: onIt.map((d) => d._id),
      issuedAt: now,
    });
    return view(content, certificateDigest(content, secret));
  },
});

/**
 * Checks a printed certificate: its number and code together. The code is recomputed from the
 * content stored at issue, so a certificate altered on paper, or a number with someone else's
 * code, fails. Unknown number and wrong code answer alike: the number alone reveals nothing.
 */
export const verifyCertificate = defineAction('hours', 'verifyCertificate', {
  access: 'signed_in',
  scope: 'none',
  writes: false,
  async handle({ number, code }) {
    const secret = requireSecret('LINLI_CERTIFICATE_SECRET');
    const parts = parseCertificateNumber(number);
    const stored = parts ? await certificatesRepository.findByNumber(certificateNumber(parts)) : null;
    if (!stored || !verifyCertificateDigest(stored.content, secret, code)) {
      throw new AppError('CERTIFICATE_INVALID');
    }
    return view(stored.content, certificateDigest(stored.content, secret));
  },
});
