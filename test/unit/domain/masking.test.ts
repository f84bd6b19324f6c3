import { maskName, maskPhone } from '../../../cloudfunctions/_shared/domain/masking';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
  it('masks anything that is not a full mobile number entirely', () => {
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone('')).toBe('****');
  });
});

describe('maskName', () => {
  it('keeps only the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
  });
  it('never shows a one-character name whole', () => {
    expect(maskName('王')).toBe('王*');
  });
  it('handles characters outside the BMP as one character each', () => {
    expect(maskName('𠀋子')).toBe('𠀋*');
  });
});
