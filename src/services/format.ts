import type { FieldError } from '@linli/types/errors';

/** `2026-11-23T08:05:00+08:00` → `11月23日 08:05`, in the phone's own time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = date.getFullYear() === new Date().getFullYear() ? '' : `${date.getFullYear()}年`;
  return `${year}${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Field errors by path (`name`, `communityId` …), first message per field. */
export function fieldErrorMap(fields: readonly FieldError[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const field of fields ?? []) {
    if (!(field.path in map)) map[field.path] = field.message;
  }
  return map;
}
