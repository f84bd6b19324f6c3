import fc from 'fast-check';
import { stationCode } from '../../../cloudfunctions/hours/src/station-code';
import { certificateNumber } from '../../../cloudfunctions/_shared/domain/volunteer-certificate';

it('uses a short station id itself, in capitals', () => {
  expect(stationCode('st-lingnan')).toBe('LINGNAN');
  expect(stationCode('st-huadi')).toBe('HUADI');
  expect(stationCode('st-07')).toBe('07');
});

it('gives longer or unusual ids four letters and four characters of their hash', () => {
  const east = stationCode('st-lingnan-east');
  const west = stationCode('st-lingnan-west');
  expect(east).toMatch(/^LING[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(west).toMatch(/^LING[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(east).not.toBe(west);
  expect(stationCode('x')).toMatch(/^X[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(stationCode('岭南站')).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
});

it('always makes a code a certificate number accepts, and the same code for the same id', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 40 }), (id) => {
      const code = stationCode(id);
      expect(code).toBe(stationCode(id));
      expect(() => certificateNumber({ stationCode: code, year: 2026, sequence: 1 })).not.toThrow();
    }),
  );
});
