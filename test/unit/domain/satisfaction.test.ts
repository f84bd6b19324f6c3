import fc from 'fast-check';
import {
  isSatisfied,
  percentHalfUp,
  rollUpSatisfaction,
  satisfaction,
  tallySatisfaction,
  type RatedResponse,
} from '../../../cloudfunctions/_shared/domain/satisfaction';

describe('satisfied or better', () => {
  it('is 4 (满意) or 5 (非常满意); 3 (一般) is not', () => {
    expect([1, 2, 3, 4, 5].map(isSatisfied)).toEqual([false, false, false, true, true]);
  });
});

describe('the rate, shown with two decimals rounded half up', () => {
  it.each([
    [5, 6, '83.33%'],
    [2, 3, '66.67%'],
    [1, 3, '33.33%'],
    [4, 5, '80.00%'],
    [6, 6, '100.00%'],
    [0, 7, '0.00%'],
    // 1 ÷ 32 = 3.125%: exactly half a hundredth, rounded up.
    [1, 32, '3.13%'],
    // 1 ÷ 800 = 0.125%: half up to 0.13%; 1 ÷ 1600 = 0.0625% is below the half: 0.06%.
    [1, 800, '0.13%'],
    [1, 1600, '0.06%'],
  ])('%i of %i → %s', (part, whole, shown) => {
    expect(percentHalfUp(part, whole)).toBe(shown);
  });

  it('is null without anyone who rated', () => {
    expect(percentHalfUp(0, 0)).toBeNull();
    expect(satisfaction({ respondents: 2, rated: 0, satisfied: 0 })).toEqual({
      respondents: 2,
      rated: 0,
      satisfied: 0,
      rate: null,
      meetsTarget: null,
    });
  });

  it('meets the contract (≥ 80%) on the exact share, never by rounding', () => {
    expect(satisfaction({ respondents: 5, rated: 5, satisfied: 4 }).meetsTarget).toBe(true);
    // 3999 of 5000 = 79.98%; 79999 of 100000 = 79.999% shows as 80.00% but does not meet 80%.
    expect(satisfaction({ respondents: 5000, rated: 5000, satisfied: 3999 }).meetsTarget).toBe(false);
    const almost = satisfaction({ respondents: 100000, rated: 100000, satisfied: 79999 });
    expect(almost).toMatchObject({ rate: '80.00%', meetsTarget: false });
  });

  it('agrees with exact decimal rounding for every fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (whole, raw) => {
        const part = raw % (whole + 1);
        // Exact: part × 10000 ÷ whole in hundredths of a percent, remainder compared in integers.
        const quotient = Math.floor((part * 10000) / whole);
        const remainder = part * 10000 - quotient * whole;
        const hundredths = remainder * 2 >= whole ? quotient + 1 : quotient;
        const expected = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
        expect(percentHalfUp(part, whole)).toBe(expected);
      }),
    );
  });
});

describe('roll-up per kind, 片区 and station', () => {
  const response = (activityId: string, kind: RatedResponse['kind'], areaId: string, overall: number | null) => ({
    activityId,
    kind,
    areaId,
    overall,
  });
  const responses: RatedResponse[] = [
    response('a1', 'lecture', 'east', 5),
    response('a1', 'lecture', 'east', 4),
    response('a1', 'lecture', 'east', 2),
    response('a2', 'workshop', 'east', 3),
    response('a2', 'workshop', 'east', null),
    response('a3', 'lecture', 'west', 5),
  ];

  it('tallies responses per activity, leaving out those who skipped the overall question', () => {
    expect(tallySatisfaction(responses)).toEqual([
      { activityId: 'a1', kind: 'lecture', areaId: 'east', respondents: 3, rated: 3, satisfied: 2 },
      { activityId: 'a2', kind: 'workshop', areaId: 'east', respondents: 2, rated: 1, satisfied: 0 },
      { activityId: 'a3', kind: 'lecture', areaId: 'west', respondents: 1, rated: 1, satisfied: 1 },
    ]);
  });

  it('sums counts (never averages rates) per kind, per 片区 and for the station', () => {
    const rolled = rollUpSatisfaction(tallySatisfaction(responses));
    expect(rolled.station).toMatchObject({ respondents: 6, rated: 5, satisfied: 3, rate: '60.00%' });
    expect(rolled.byKind.map((k) => [k.kind, k.satisfied, k.rated, k.rate])).toEqual([
      ['lecture', 3, 4, '75.00%'],
      ['workshop', 0, 1, '0.00%'],
    ]);
    expect(rolled.byArea.map((a) => [a.areaId, a.rate])).toEqual([
      ['east', '50.00%'],
      ['west', '100.00%'],
    ]);
  });

  it('rolls up to the same station rate however responses are split among activities', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            activityId: fc.constantFrom('a', 'b', 'c', 'd'),
            kind: fc.constantFrom('lecture' as const, 'workshop' as const),
            areaId: fc.constantFrom('east', 'west'),
            overall: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          }),
          { maxLength: 60 },
        ),
        (list) => {
          const rated = list.filter((r) => r.overall !== null);
          const satisfied = rated.filter((r) => r.overall! >= 4).length;
          const { station } = rollUpSatisfaction(tallySatisfaction(list));
          expect(station).toEqual(satisfaction({ respondents: list.length, rated: rated.length, satisfied }));
        },
      ),
    );
  });

  it('is empty for no responses', () => {
    expect(rollUpSatisfaction([])).toEqual({
      station: { respondents: 0, rated: 0, satisfied: 0, rate: null, meetsTarget: null },
      byKind: [],
      byArea: [],
    });
  });
});
