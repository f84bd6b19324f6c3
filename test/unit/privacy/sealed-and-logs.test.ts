import { randomBytes } from 'node:crypto';
import {
  openStoredFields,
  personRef,
  seal,
  sealedString,
  sealStoredFields,
  unseal,
} from '../../../cloudfunctions/_shared/repositories/sealed';
import { describeError, scrubLogText } from '../../../cloudfunctions/_shared/runtime/safe-log';

describe('sealed fields (AES-256-GCM)', () => {
  const original = process.env.LINLI_DATA_KEY;
  beforeEach(() => {
    process.env.LINLI_DATA_KEY = randomBytes(32).toString('base64');
  });
  afterAll(() => {
    process.env.LINLI_DATA_KEY = original;
  });

  it('round-trips, and never stores the same text the same way twice', () => {
    const text = '腿脚不便，患有糖尿病';
    const a = seal(text, 'wishes.why');
    const b = seal(text, 'wishes.why');
    expect(a).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(text);
    expect(unseal(a, 'wishes.why')).toBe(text);
  });

  it('does not open in another field, after tampering, or under another key', () => {
    const sealed = seal('低保', 'wishes.hardship');
    expect(() => unseal(sealed, 'wishes.why')).toThrow();
    const tampered = `${sealed.slice(0, -3)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-2)}`;
    expect(() => unseal(tampered, 'wishes.hardship')).toThrow();
    process.env.LINLI_DATA_KEY = randomBytes(32).toString('base64');
    expect(() => unseal(sealed, 'wishes.hardship')).toThrow();
    expect(sealedString('wishes.hardship').safeParse(sealed).success).toBe(false);
  });

  it('reads a value written before the field was sealed as it is', () => {
    expect(unseal('家里电饭煲坏了', 'wishes.why')).toBe('家里电饭煲坏了');
  });

  it('refuses to work without a proper key', () => {
    process.env.LINLI_DATA_KEY = 'too-short';
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => seal('x', 'wishes.why')).toThrow();
    spy.mockRestore();
  });

  it('seals and opens whole stored documents, nested paths included', () => {
    const doc = { _id: 'c1', text: '心脏手术', history: [{ note: '住院' }, { step: 'x' }], other: '公开' };
    const stored = sealStoredFields('complaints', doc);
    expect(JSON.stringify(stored)).not.toMatch(/心脏手术|住院/);
    expect(stored.other).toBe('公开');
    expect(sealStoredFields('complaints', stored)).toEqual(stored);
    expect(openStoredFields('complaints', stored)).toEqual(doc);
    const user = { _id: 'u1', guardian: { name: '小明妈妈' }, minor: true };
    expect(openStoredFields('users', sealStoredFields('users', user))).toEqual(user);
  });

  it('gives a person a stable reference that is not their OPENID', () => {
    expect(personRef('oDemoResident01')).toBe(personRef('oDemoResident01'));
    expect(personRef('oDemoResident01')).not.toBe(personRef('oDemoResident02'));
    expect(personRef('oDemoResident01')).not.toContain('oDemoResident01');
  });
});

describe('log text', () => {
  it('keeps the shape of a message and drops names, numbers, OPENIDs and quoted values', () => {
    const message =
      'E11000 duplicate key error collection: bookings index: _id_ dup key: { _id: "a1.oDemoResident01" } for 张阿姨 13900000011 by o6_bmjrPTlm6_2sgVt7hMZOPfL2M in objectId';
    const scrubbed = scrubLogText(message);
    for (const secret of ['oDemoResident01', '张阿姨', '13900000011', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M']) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain('E11000 duplicate key error collection: bookings');
    expect(scrubbed).toContain('objectId');
  });

  it('describes an error by its name, scrubbed message and stack frames', () => {
    const error = new TypeError('cannot read name of 刘先生');
    const described = describeError(error);
    expect(described.split('\n')[0]).toBe('TypeError: cannot read name of …');
    expect(described).toMatch(/\n\s+at /);
    expect(describeError('a string')).toBe('non-error thrown (string)');
  });
});
