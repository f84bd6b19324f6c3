import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  type ActivityKind,
  classifyByAttendance,
  type CountingRules,
  DEFAULT_COUNTING_RULES,
  SERVICE_AREA_LABELS,
  SERVICE_AREAS,
} from '../../../cloudfunctions/_shared/domain/activity-kinds';

/** Seed 000's thresholds are the defaults; seed 002 calls only 100+ people a large event. */
const seed000 = DEFAULT_COUNTING_RULES;
const seed002: CountingRules = { ...DEFAULT_COUNTING_RULES, largeEventMinAttendance: 100 };

const classify = (plannedKind: ActivityKind, attendance: number, durationMinutes = 90, rules = seed000) =>
  classifyByAttendance({ plannedKind, attendance, durationMinutes }, rules);

describe('kinds and service areas', () => {
  it('labels every kind and every service area in Chinese', () => {
    expect(ACTIVITY_KINDS.every((k) => ACTIVITY_KIND_LABELS[k].length > 0)).toBe(true);
    expect(SERVICE_AREAS.every((a) => SERVICE_AREA_LABELS[a].length > 0)).toBe(true);
    expect(ACTIVITY_KIND_LABELS.large_event).toBe('大型社区活动');
    expect(SERVICE_AREA_LABELS.community).toBe('社区治理');
  });
  it('defaults to seed 000 and 002 thresholds, with no small/medium maximum', () => {
    expect(DEFAULT_COUNTING_RULES).toEqual({
      largeEventMinAttendance: 50,
      smallEventMinAttendance: 10,
      lectureMinAttendance: 30,
      lectureMinMinutes: 40,
      workshopMinAttendance: 10,
    });
  });
});

describe('large and small/medium events, seed 000 (large from 50)', () => {
  it('counts a large event with exactly 50 people as large', () => {
    expect(classify('large_event', 50)).toEqual({
      countsAs: 'large_event',
      downgraded: false,
      reason: '计划为大型社区活动，实际签到50人，达到50人，按大型社区活动计',
    });
  });
  it('counts a large event with 49 people as small/medium', () => {
    expect(classify('large_event', 49)).toMatchObject({ countsAs: 'small_event', downgraded: true });
  });
  it('explains a downgrade in one sentence', () => {
    expect(classify('large_event', 30).reason).toBe('计划为大型社区活动，实际签到30人，未达50人，按中小型社区活动计');
  });
  it('counts a large event with 10 people as small/medium', () => {
    expect(classify('large_event', 10)).toMatchObject({ countsAs: 'small_event', downgraded: true });
  });
  it('does not count a large event with 9 people at all', () => {
    expect(classify('large_event', 9)).toEqual({
      countsAs: null,
      downgraded: true,
      reason: '计划为大型社区活动，实际签到9人，未达中小型社区活动10人的标准，不计入',
    });
  });
  it('counts a small/medium event with exactly 10 people', () => {
    expect(classify('small_event', 10)).toEqual({
      countsAs: 'small_event',
      downgraded: false,
      reason: '计划为中小型社区活动，实际签到10人，按中小型社区活动计',
    });
  });
  it('does not count a small/medium event with 9 people', () => {
    expect(classify('small_event', 9)).toMatchObject({ countsAs: null, downgraded: true });
  });
  it('counts a small/medium event that drew 50 as large: the sheet proves a large event', () => {
    expect(classify('small_event', 50)).toEqual({
      countsAs: 'large_event',
      downgraded: false,
      reason: '计划为中小型社区活动，实际签到50人，达到大型社区活动50人的标准，按大型社区活动计',
    });
  });
});

describe('large and small/medium events, seed 002 (large from 100)', () => {
  it('counts a large event with exactly 100 people as large', () => {
    expect(classify('large_event', 100, 90, seed002)).toMatchObject({ countsAs: 'large_event', downgraded: false });
  });
  it('counts a large event with 99 people as small/medium', () => {
    expect(classify('large_event', 99, 90, seed002)).toMatchObject({
      countsAs: 'small_event',
      downgraded: true,
      reason: '计划为大型社区活动，实际签到99人，未达100人，按中小型社区活动计',
    });
  });
  it('counts a small/medium event with 60 people as small/medium, not large', () => {
    expect(classify('small_event', 60, 90, seed002)).toMatchObject({ countsAs: 'small_event' });
  });
  it('does not count an event between a contract’s small maximum and its large minimum', () => {
    const gap = { ...seed002, smallEventMaxAttendance: 50 };
    expect(classify('large_event', 70, 90, gap)).toEqual({
      countsAs: null,
      downgraded: true,
      reason: '计划为大型社区活动，实际签到70人，超过中小型社区活动上限50人又未达大型社区活动100人，按合同不计入',
    });
    expect(classify('large_event', 50, 90, gap)).toMatchObject({ countsAs: 'small_event' });
  });
  it('has no upper end for small/medium events when the contract sets none', () => {
    expect(classify('small_event', 99, 90, seed002)).toMatchObject({ countsAs: 'small_event' });
  });
});

describe('lectures (seed 002: ≥30 people and ≥40 minutes)', () => {
  it('counts a lecture with exactly 30 people and 40 minutes', () => {
    expect(classify('lecture', 30, 40)).toEqual({
      countsAs: 'lecture',
      downgraded: false,
      reason: '计划为讲座，实际签到30人、时长40分钟，按讲座计',
    });
  });
  it('does not count a lecture of 30 people that lasted 39 minutes', () => {
    expect(classify('lecture', 30, 39)).toEqual({
      countsAs: null,
      downgraded: true,
      reason: '计划为讲座，实际签到30人、时长39分钟，时长未达40分钟，不按讲座计入',
    });
  });
  it('does not count a 40-minute lecture with 29 people, not even as a small/medium event', () => {
    expect(classify('lecture', 29, 40)).toEqual({
      countsAs: null,
      downgraded: true,
      reason: '计划为讲座，实际签到29人、时长40分钟，人数未达30人，不按讲座计入',
    });
  });
  it('names both shortfalls when both apply', () => {
    expect(classify('lecture', 12, 25).reason).toBe(
      '计划为讲座，实际签到12人、时长25分钟，人数未达30人且时长未达40分钟，不按讲座计入',
    );
  });
});

describe('workshops (seed 002: ≥10 people)', () => {
  it('counts a workshop with exactly 10 people', () => {
    expect(classify('workshop', 10)).toMatchObject({ countsAs: 'workshop', downgraded: false });
  });
  it('does not count a workshop with 9 people', () => {
    expect(classify('workshop', 9)).toEqual({
      countsAs: null,
      downgraded: true,
      reason: '计划为工作坊，实际签到9人，未达10人，不按工作坊计入',
    });
  });
});

describe('kinds without a size threshold', () => {
  const unthresholded = ACTIVITY_KINDS.filter(
    (k) => !['large_event', 'small_event', 'lecture', 'workshop'].includes(k),
  );
  it.each(unthresholded)('counts %s as planned from one attendee, whatever the length', (kind) => {
    expect(classify(kind, 1, 5)).toMatchObject({ countsAs: kind, downgraded: false });
  });
  it.each(unthresholded)('does not count %s when nobody attended', (kind) => {
    expect(classify(kind, 0)).toMatchObject({ countsAs: null, downgraded: true });
  });
  it('words visits as visits, not sign-ins', () => {
    expect(classify('home_visit', 2).reason).toBe('计划为入户探访，实际探访2人，按入户探访计');
    expect(classify('phone_visit', 0).reason).toBe('计划为电访，无人电访，不计入');
    expect(classify('resident_forum', 15).reason).toBe('计划为居民座谈会，实际签到15人，按居民座谈会计');
  });
});

describe('classifyByAttendance input', () => {
  it('treats a negative or fractional attendance, or a negative length, as a bug upstream', () => {
    expect(() => classify('small_event', -1)).toThrow(RangeError);
    expect(() => classify('small_event', 10.5)).toThrow(RangeError);
    expect(() => classify('lecture', 30, -1)).toThrow(RangeError);
  });
  it('compares exact minutes but shows whole ones: 39.9 minutes is not 40', () => {
    expect(classify('lecture', 30, 39.9)).toMatchObject({
      countsAs: null,
      reason: '计划为讲座，实际签到30人、时长39分钟，时长未达40分钟，不按讲座计入',
    });
  });
});
