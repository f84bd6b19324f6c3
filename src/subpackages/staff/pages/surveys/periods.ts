import { inStation } from '@/services/dayjs';

export type PeriodKey = 'month' | 'quarter' | 'year' | 'last30';

export const PERIOD_CHOICES: readonly { value: PeriodKey; label: string }[] = [
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '本季度' },
  { value: 'year', label: '今年' },
  { value: 'last30', label: '近30天' },
];

/** The days (inclusive, station time) of a period ending today. */
export function periodDates(key: PeriodKey, now: Date = new Date()): { fromDate: string; toDate: string } {
  const today = inStation(now);
  const toDate = today.format('YYYY-MM-DD');
  switch (key) {
    case 'month':
      return { fromDate: today.startOf('month').format('YYYY-MM-DD'), toDate };
    case 'quarter': {
      const first = today.month(today.month() - (today.month() % 3)).startOf('month');
      return { fromDate: first.format('YYYY-MM-DD'), toDate };
    }
    case 'year':
      return { fromDate: today.startOf('year').format('YYYY-MM-DD'), toDate };
    case 'last30':
      return { fromDate: today.subtract(29, 'day').format('YYYY-MM-DD'), toDate };
  }
}
