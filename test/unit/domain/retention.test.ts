import {
  GENERATED_FILE_RETENTION_MS,
  REQUEST_RETENTION_MS,
  retentionCutoff,
} from '../../../cloudfunctions/_shared/domain/retention';

const NOW = new Date('2026-03-02T18:30:00.000Z'); // 02:30 China time, when the nightly run starts

it('keeps generated files a day and idempotency records a week', () => {
  expect(GENERATED_FILE_RETENTION_MS).toBe(24 * 3600_000);
  expect(REQUEST_RETENTION_MS).toBe(7 * 24 * 3600_000);
  expect(retentionCutoff(NOW, GENERATED_FILE_RETENTION_MS)).toEqual(new Date('2026-03-01T18:30:00.000Z'));
  expect(retentionCutoff(NOW, REQUEST_RETENTION_MS)).toEqual(new Date('2026-02-23T18:30:00.000Z'));
});

it('keeps a week of retries even for a phone offline over a weekend', () => {
  // Friday evening's write retried on Monday morning (China time) is inside the window.
  const friday = new Date('2026-02-27T11:00:00.000Z');
  const monday = new Date('2026-03-02T01:00:00.000Z');
  expect(friday.getTime()).toBeGreaterThan(retentionCutoff(monday, REQUEST_RETENTION_MS).getTime());
});
