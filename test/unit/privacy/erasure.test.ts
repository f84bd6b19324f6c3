import { ERASED_NAME } from '@linli/types/privacy';
import {
  ERASED_TEXT,
  eraseRecord,
  erasureRuleOf,
  isPseudonym,
  pseudonymFrom,
  replaceSubject,
  subjectFiles,
  withoutFiles,
  type RawDoc,
} from '../../../cloudfunctions/_shared/domain/erasure';

const P = 'oPerson000001x';
const Q = 'erased-Q1';
const ctx = { subject: P, pseudonym: Q, now: new Date('2026-11-24T00:00:00Z') };
const photo = (owner: string, name = 'photo0001') => `cloud://local/uploads/${owner}/${name}.jpg`;
const rule = (collection: string) => {
  const found = erasureRuleOf(collection);
  if (!found) throw new Error(`no rule for ${collection}`);
  return found;
};

describe('replaceSubject', () => {
  it('replaces the id as a whole value and as a part of a dotted id, nowhere else', () => {
    const at = new Date();
    expect(
      replaceSubject(
        {
          _id: `DemoAct001.${P}.2`,
          personId: P,
          rootId: `scan.DemoAct001.${P}`,
          other: `${P}x`,
          list: [P, 'oSomeoneElse1'],
          nested: { by: P, at },
        },
        P,
        Q,
      ),
    ).toEqual({
      _id: `DemoAct001.${Q}.2`,
      personId: Q,
      rootId: `scan.DemoAct001.${Q}`,
      other: `${P}x`,
      list: [Q, 'oSomeoneElse1'],
      nested: { by: Q, at },
    });
  });
});

describe('photos', () => {
  it('finds the person’s own uploads and takes them out of a record', () => {
    const doc = { photoFileIds: [photo(P), photo('oStaff0000001')], photoFileId: photo(P, 'other0001') };
    const files = subjectFiles(doc, P);
    expect(files.sort()).toEqual([photo(P), photo(P, 'other0001')].sort());
    expect(withoutFiles(doc, new Set(files))).toEqual({ photoFileIds: [photo('oStaff0000001')] });
  });
});

describe('what a deletion does', () => {
  it('deletes the profile, and a volunteer registration that was never approved', () => {
    expect(eraseRecord(rule('users'), { _id: P, name: '张阿姨' }, ctx).next).toBeNull();
    expect(eraseRecord(rule('volunteers'), { _id: P, status: 'rejected' }, ctx).next).toBeNull();
  });

  it('keeps an approved registration, unlinked and without contact details', () => {
    const { next } = eraseRecord(
      rule('volunteers'),
      {
        _id: P,
        realName: '赵志愿',
        phone: '13900000021',
        emergencyContact: { name: '赵太太', phone: '13900000022' },
        skills: ['摄影'],
        availability: '周末',
        status: 'approved',
        approvedAt: new Date(),
      },
      ctx,
    );
    expect(next).toMatchObject({
      _id: Q,
      realName: ERASED_NAME,
      phone: '',
      emergencyContact: { name: '', phone: '' },
      skills: [],
      availability: '',
      status: 'approved',
      erasedAt: ctx.now,
    });
  });

  it('keeps attendance for the indicators under the pseudonym, without the name or the note', () => {
    const { next } = eraseRecord(
      rule('attendance'),
      {
        _id: `a1.${P}`,
        personId: P,
        personName: '张阿姨',
        headcount: 2,
        note: '张阿姨的女儿代签',
        recordedBy: P,
        history: [{ personName: '张阿姨', personId: P }],
      },
      ctx,
    );
    expect(next).toEqual({
      _id: `a1.${Q}`,
      personId: Q,
      personName: ERASED_NAME,
      headcount: 2,
      recordedBy: Q,
      history: [{ personName: ERASED_NAME, personId: Q }],
    });
  });

  it('keeps a satisfaction response’s ratings and drops its words', () => {
    const { next } = eraseRecord(
      rule('survey_responses'),
      {
        _id: `a1.${P}`,
        personId: P,
        personName: '张阿姨',
        answers: [
          { questionId: 'q1', rating: 5 },
          { questionId: 'q9', text: '我腿不好，希望有座位' },
        ],
        isSatisfied: 1,
        hasText: 1,
      },
      ctx,
    );
    expect(next).toMatchObject({ answers: [{ questionId: 'q1', rating: 5 }], isSatisfied: 1, hasText: 0 });
  });

  it('keeps a complaint’s handling record and removes what the person wrote and photographed', () => {
    const { next, files } = eraseRecord(
      rule('complaints'),
      {
        _id: 'c1',
        senderId: P,
        text: '我父亲住院了',
        anonymous: false,
        photoFileIds: [photo(P)],
        reply: '已处理',
        history: [
          { step: 'receive', by: P, note: '补充：他有心脏病' },
          { step: 'reply', by: 'oStaff0000001', note: '已处理' },
        ],
      },
      ctx,
    );
    expect(files).toEqual([photo(P)]);
    expect(next).toEqual({
      _id: 'c1',
      senderId: Q,
      text: ERASED_TEXT,
      anonymous: true,
      photoFileIds: [],
      reply: '已处理',
      history: [
        { step: 'receive', by: Q },
        { step: 'reply', by: 'oStaff0000001', note: '已处理' },
      ],
    });
  });

  it('deletes an unfinished wish for the person with all its photos; keeps a lit one without their story', () => {
    const wish = (status: string): RawDoc => ({
      _id: 'w1',
      beneficiaryId: P,
      status,
      why: '腿脚不便',
      hardship: 'disability',
      photoFileIds: [photo('oStaff0000001')],
      history: [],
    });
    const unfinished = eraseRecord(rule('wishes'), wish('published'), ctx);
    expect(unfinished).toEqual({ next: null, files: [photo('oStaff0000001')] });
    const lit = eraseRecord(rule('wishes'), wish('confirmed'), ctx);
    expect(lit.next).toEqual({
      _id: 'w1',
      beneficiaryId: Q,
      status: 'confirmed',
      why: '',
      photoFileIds: [],
      history: [],
    });
    // A wish the person only claimed stays, with them unlinked.
    const claimed = eraseRecord(
      rule('wishes'),
      { _id: 'w2', beneficiaryId: 'oOther000001', claimerId: P, status: 'claimed' },
      ctx,
    );
    expect(claimed.next).toMatchObject({ claimerId: Q, beneficiaryId: 'oOther000001' });
  });

  it('takes the person off invitation lists and team leadership only', () => {
    expect(eraseRecord(rule('activities'), { _id: 'a1', invited: [P, 'oOther000001'] }, ctx).next).toEqual({
      _id: 'a1',
      invited: ['oOther000001'],
    });
    expect(eraseRecord(rule('teams'), { _id: 't1', name: '环保队', leaderId: P }, ctx).next).toEqual({
      _id: 't1',
      name: '环保队',
    });
  });
});

describe('pseudonyms', () => {
  it('are recognisable, so nobody tries to message them', () => {
    expect(isPseudonym(pseudonymFrom('Q1w2E3r4T5'))).toBe(true);
    expect(isPseudonym('oDemoResident01')).toBe(false);
  });
});
