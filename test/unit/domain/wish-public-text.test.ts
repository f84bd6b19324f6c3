import { publicTextProblems } from '../../../cloudfunctions/_shared/domain/wish-public-text';

const zhang = { name: '张秀英' };

describe('publicTextProblems', () => {
  it('accepts a text that says what is wished without saying who', () => {
    expect(publicTextProblems('一位长者希望有一台电饭煲，方便每天煮粥。', zhang)).toEqual([]);
    expect(publicTextProblems('小朋友想要一个新书包和一套文具，价值约200元', zhang)).toEqual([]);
  });

  it('refuses the beneficiary’s full name, and a three-character name’s given name', () => {
    expect(publicTextProblems('张秀英阿姨想要一台电饭煲', zhang)).toEqual(['NAME']);
    expect(publicTextProblems('秀英阿姨想要一台电饭煲', zhang)).toEqual(['NAME']);
  });

  it('does not take a form of address for a name (张阿姨 is not found by 阿姨)', () => {
    expect(publicTextProblems('社区里的一位阿姨想要一台收音机', { name: '张阿姨' })).toEqual([]);
    expect(publicTextProblems('张阿姨想要一台收音机', { name: '张阿姨' })).toEqual(['NAME']);
  });

  it('refuses phone numbers and other long digit runs, however written', () => {
    expect(publicTextProblems('联系电话13900000011', zhang)).toEqual(['PHONE']);
    expect(publicTextProblems('电话 139-0000-0011', zhang)).toEqual(['PHONE']);
    expect(publicTextProblems('电话１３９００００００１１', zhang)).toEqual(['PHONE']); // full-width digits
    expect(publicTextProblems('身份证44010219500101123X', zhang)).toEqual(['PHONE']);
  });

  it('refuses addresses: building, unit, room, street numbers, and the words for an address', () => {
    for (const text of ['住在3栋2单元501室', '光复路12号', '十二号楼', '门牌号请联系社工', '家庭住址保密']) {
      expect(publicTextProblems(text, zhang)).toContain('ADDRESS');
    }
  });

  it('refuses hardship categories, including the label recorded for this beneficiary', () => {
    expect(publicTextProblems('一位低保老人想要一台电饭煲', zhang)).toEqual(['HARDSHIP']);
    expect(publicTextProblems('独居长者想要一台电风扇', zhang)).toEqual(['HARDSHIP']);
    expect(publicTextProblems('属于其他困难情况', { name: '张秀英', hardshipLabel: '其他困难' })).toEqual(['HARDSHIP']);
  });

  it('names every rule a text breaks, in a stable order', () => {
    expect(publicTextProblems('张秀英，低保，住3栋，电话13900000011', zhang)).toEqual([
      'NAME',
      'PHONE',
      'ADDRESS',
      'HARDSHIP',
    ]);
  });

  it('keeps prices, years and quantities', () => {
    expect(publicTextProblems('2026年冬天需要两床棉被，约300元', zhang)).toEqual([]);
  });
});
