import { z } from 'zod';
import { CERTIFICATE_TITLE } from '../domain/volunteer-certificate';
import { db } from '../runtime/cloud';
import { narrow, storedDate } from './sdk';

const COLLECTION = 'certificates';

/** What a certificate states, exactly as domain/volunteer-certificate.ts certificateContent made it. */
const contentSchema = z.object({
  title: z.literal(CERTIFICATE_TITLE),
  number: z.string(),
  volunteer: z.object({ name: z.string(), idMasked: z.string() }),
  rows: z.array(
    z.object({ date: z.string(), content: z.string(), minutes: z.number().int().min(0), hours: z.string() }),
  ),
  total: z.object({ minutes: z.number().int().min(0), hours: z.string() }),
  station: z.string(),
  issuedOn: z.string(),
  statement: z.string(),
});

/**
 * An issued 志愿服务记录证明. `_id` is its number (LL-LINGNAN-2026-000001), so a number can be
 * given out once only and is found with one read. The content is stored as issued and never
 * changed: verification recomputes the code from it, so any edit would show. The verification
 * code itself is not stored (it is a MAC of the content under the secret).
 */
export const certificateDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  volunteerId: z.string(),
  content: contentSchema,
  /** The period asked for, days inclusive (China time). */
  period: z.object({ fromDate: z.string(), toDate: z.string() }),
  /** The entry versions on it, for an audit: which records the certificate was made from. */
  entryIds: z.array(z.string()),
  issuedAt: storedDate,
});
export type CertificateDoc = z.output<typeof certificateDocSchema>;

export const certificatesRepository = {
  /** Inserts a certificate under its number; a clash means the number was given out twice (a bug), so it throws. */
  async insert(doc: CertificateDoc): Promise<void> {
    await db.collection(COLLECTION).add({ data: { ...doc } });
  },

  async findByNumber(number: string): Promise<CertificateDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: number }).limit(1).get();
    return data[0] ? narrow(certificateDocSchema, data[0], 'certificate') : null;
  },
};
