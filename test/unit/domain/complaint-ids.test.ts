import { complaintIdFor } from '../../../cloudfunctions/feedback/src/ids';

describe('complaintIdFor', () => {
  it('derives the same id from the same caller and request, so a retry cannot make a second complaint', () => {
    expect(complaintIdFor('oDemoResident01', 'req-0001')).toBe(complaintIdFor('oDemoResident01', 'req-0001'));
    expect(complaintIdFor('oDemoResident01', 'req-0001')).toMatch(/^fb[0-9A-Za-z]{10}$/);
  });
  it('differs between requests and between callers', () => {
    const ids = new Set([
      complaintIdFor('oDemoResident01', 'req-0001'),
      complaintIdFor('oDemoResident01', 'req-0002'),
      complaintIdFor('oDemoResident02', 'req-0001'),
    ]);
    expect(ids.size).toBe(3);
  });
  it('is random without a request id', () => {
    expect(complaintIdFor('oDemoResident01', undefined)).not.toBe(complaintIdFor('oDemoResident01', undefined));
  });
});
