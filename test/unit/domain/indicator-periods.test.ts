import {
  dayOf,
  elapsedOf,
  instantsOf,
  monthOf,
  monthsBetween,
  monthsOf,
  monthWindows,
  quarterWindows,
  windowState,
} from '../../../cloudfunctions/_shared/domain/indicator-periods';
import { formatTwoDecimals } from '../../../cloudfunctions/_shared/domain/exact-ratio';

/** Seed 004: 协议期 2024-01-25 to 2024-08-31, mid-term read on 2024-04-30 (3.5 of 7 months). */
const SEED004 = { from: '2024-01-25', to: '2024-08-31' };
const chinaNoon = (day: string) => new Date(`${day}T12:00:00+08:00`);

describe('days and months are China time', () => {
  it('puts an instant on its China-time day and month', () => {
    expect(dayOf(new Date('2024-01-31T16:30:00Z'))).toBe('2024-02-01'); // 00:30 on 1 February in China
    expect(monthOf(new Date('2024-01-31T15:59:59Z'))).toBe('2024-01');
    expect(monthOf(new Date('2024-01-31T16:00:00Z'))).toBe('2024-02');
  });

  it('turns inclusive days into half-open instants', () => {
    const { from, to } = instantsOf({ from: '2024-01-25', to: '2024-01-31' });
    expect(from.toISOString()).toBe('2024-01-24T16:00:00.000Z');
    expect(to.toISOString()).toBe('2024-01-31T16:00:00.000Z');
  });

  it('lists the months of a range, across a year end', () => {
    expect(monthsOf(SEED004)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
    ]);
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-02', '2024-11')).toEqual([]);
  });

  it('counts ten thousand years of months at once (a walk with dates took minutes: found by fuzzing)', () => {
    const months = monthsBetween('0000-01', '9999-12');
    expect(months).toHaveLength(120_000);
    expect([months[0], months[11], months[12], months.at(-1)]).toEqual(['0000-01', '0000-12', '0001-01', '9999-12']);
    expect(monthsOf({ from: '0000-01-01', to: '9999-12-31' })).toHaveLength(120_000);
  });

  it('has no months for what is not a month', () => {
    expect(monthsBetween('2024-13', '2025-01')).toEqual([]);
    expect(monthsOf({ from: '2024-00-10', to: '2024-03-01' })).toEqual([]);
  });
});

describe('windows of a requirement', () => {
  it('cuts the first and last month at the contract period', () => {
    const windows = monthWindows(SEED004);
    expect(windows[0]).toEqual({
      key: '2024-01',
      label: '2024年1月',
      range: { from: '2024-01-25', to: '2024-01-31' },
      partial: true,
    });
    expect(windows[1]).toMatchObject({
      key: '2024-02',
      range: { from: '2024-02-01', to: '2024-02-29' },
      partial: false,
    });
    expect(windows.at(-1)).toMatchObject({ key: '2024-08', partial: false });
  });

  it('uses calendar quarters', () => {
    expect(quarterWindows(SEED004).map((w) => [w.label, w.range.from, w.range.to, w.partial])).toEqual([
      ['2024年第1季度', '2024-01-25', '2024-03-31', true],
      ['2024年第2季度', '2024-04-01', '2024-06-30', false],
      ['2024年第3季度', '2024-07-01', '2024-08-31', true],
    ]);
  });

  it('knows whether a window is over', () => {
    const march = { from: '2024-03-01', to: '2024-03-31' };
    expect(windowState(march, chinaNoon('2024-04-01'))).toBe('ended');
    expect(windowState(march, chinaNoon('2024-03-31'))).toBe('running');
    expect(windowState(march, chinaNoon('2024-02-29'))).toBe('upcoming');
  });
});

describe('time elapsed', () => {
  it("reads seed 004's mid-term: 97 of 220 days", () => {
    const elapsed = elapsedOf(SEED004, chinaNoon('2024-04-30'));
    expect([elapsed.days, elapsed.totalDays]).toEqual([97, 220]);
    expect(formatTwoDecimals({ num: elapsed.share.num * 100n, den: elapsed.share.den })).toBe('44.09');
  });

  it('is nothing before the start and everything after the end', () => {
    expect(elapsedOf(SEED004, chinaNoon('2024-01-01')).days).toBe(0);
    expect(elapsedOf(SEED004, chinaNoon('2024-01-25')).days).toBe(1);
    expect(elapsedOf(SEED004, chinaNoon('2025-01-01')).days).toBe(220);
  });
});
