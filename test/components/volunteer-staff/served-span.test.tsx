import { checkSpan, defaultSpan, spanFieldOfPath, spanFieldsOf, spanLength } from '@/services/served-span';

/** The service time a social worker types (录入时长, 更正): what is sent and what is refused first. */
describe('served span', () => {
  const at = (iso: string) => new Date(iso);

  it('defaults to the hour before now, on the half hour, in station time', () => {
    expect(defaultSpan(at('2026-11-20T10:10:00+08:00'))).toEqual({
      date: '2026-11-20',
      startTime: '09:00',
      endTime: '10:00',
    });
    expect(defaultSpan(at('2026-11-20T14:45:00+08:00'))).toEqual({
      date: '2026-11-20',
      startTime: '13:30',
      endTime: '14:30',
    });
    // 07:20 in Shanghai is the evening before in UTC: the day is the station's.
    expect(defaultSpan(at('2026-11-19T23:20:00Z'))).toEqual({
      date: '2026-11-20',
      startTime: '06:00',
      endTime: '07:00',
    });
    // Just after midnight an hour back is yesterday: a morning hour of yesterday instead.
    expect(defaultSpan(at('2026-11-20T00:40:00+08:00'))).toEqual({
      date: '2026-11-19',
      startTime: '09:00',
      endTime: '10:00',
    });
  });

  it('sends two instants with +08:00, never a number of hours', () => {
    const now = at('2026-11-20T10:10:00+08:00');
    expect(checkSpan({ date: '2026-11-19', startTime: '09:00', endTime: '10:30' }, now)).toEqual({
      ok: true,
      span: { startAt: '2026-11-19T09:00:00+08:00', endAt: '2026-11-19T10:30:00+08:00' },
    });
    // A phone a few minutes fast is forgiven, as the function forgives it.
    expect(checkSpan({ date: '2026-11-20', startTime: '09:30', endTime: '10:14' }, now).ok).toBe(true);
  });

  it('refuses what the function would refuse', () => {
    const now = at('2026-11-20T10:10:00+08:00');
    expect(checkSpan({ date: '', startTime: '09:00', endTime: '10:00' }, now)).toMatchObject({ field: 'date' });
    expect(checkSpan({ date: '2026-11-19', startTime: '', endTime: '10:00' }, now)).toMatchObject({
      field: 'startTime',
    });
    expect(checkSpan({ date: '2026-11-19', startTime: '09:00', endTime: '' }, now)).toMatchObject({
      field: 'endTime',
      message: '请选择结束时间',
    });
    expect(checkSpan({ date: '2026-11-19', startTime: '10:00', endTime: '10:00' }, now)).toMatchObject({
      message: '结束时间须晚于开始时间',
    });
    expect(checkSpan({ date: '2026-11-20', startTime: '09:30', endTime: '10:20' }, now)).toMatchObject({
      message: '结束时间不能晚于现在：服务结束后再录入',
    });
  });

  it('prefills a correction from the entry, leaving a missing sign-out empty', () => {
    expect(spanFieldsOf('2026-11-18T13:40:00+08:00', null, '2026-11-18T13:40:00+08:00')).toEqual({
      date: '2026-11-18',
      startTime: '13:40',
      endTime: '',
    });
    expect(spanFieldsOf('2026-11-18T05:40:00Z', '2026-11-18T08:00:00Z', '2026-11-18T05:40:00Z')).toEqual({
      date: '2026-11-18',
      startTime: '13:40',
      endTime: '16:00',
    });
    // An end on another day cannot be shown on one date: left for the person to give.
    expect(
      spanFieldsOf('2026-11-18T23:00:00+08:00', '2026-11-19T01:00:00+08:00', '2026-11-18T23:00:00+08:00').endTime,
    ).toBe('');
    expect(spanFieldsOf(null, null, '2026-11-18T02:00:00Z')).toEqual({
      date: '2026-11-18',
      startTime: '',
      endTime: '',
    });
  });

  it('words the length and maps the function’s field paths', () => {
    expect(spanLength({ date: '2026-11-18', startTime: '13:40', endTime: '16:00' })).toBe('2小时20分钟');
    expect(spanLength({ date: '2026-11-18', startTime: '13:00', endTime: '15:00' })).toBe('2小时');
    expect(spanLength({ date: '2026-11-18', startTime: '13:00', endTime: '13:45' })).toBe('45分钟');
    expect(spanLength({ date: '2026-11-18', startTime: '13:00', endTime: '12:00' })).toBeNull();
    expect(spanFieldOfPath('span.endAt')).toBe('endTime');
    expect(spanFieldOfPath('span.startAt')).toBe('startTime');
    expect(spanFieldOfPath('content')).toBeUndefined();
  });
});
