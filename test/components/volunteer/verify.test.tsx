import { fireEvent, render, screen, within } from '@testing-library/react';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import VerifyPage from '@/subpackages/volunteer/pages/verify/index';
import { fakeApi, refuse } from '../support/fake-api';
import { openWithParams } from '../activities/fixtures';
import { certificate } from './fixtures';

afterEach(() => jest.restoreAllMocks());

const NUMBER = '例如 LL-LINGNAN-2026-000001';
const CODE = '例如 7K3M-Q9XD-2HBT-8W0R';

describe('核验服务证明', () => {
  it('checks a number and code as typed and shows the certificate as issued', async () => {
    openWithParams({});
    const api = fakeApi({ hours: { verifyCertificate: () => certificate() } });
    render(<VerifyPage />);
    fireEvent.input(screen.getByPlaceholderText(NUMBER), { target: { value: ' ll-demo-2026-000007 ' } });
    fireEvent.input(screen.getByPlaceholderText(CODE), { target: { value: '7k3m q9xd 2hbt 8w0r' } });
    fireEvent.click(screen.getByText('核验'));

    expect(await screen.findByText('核验通过')).toBeTruthy();
    expect(
      screen.getByText('这份证明由东湖街道社工站于2026-11-20开具，以下是开具时的内容，请与纸质证明对照。'),
    ).toBeTruthy();
    expect(within(screen.getByTestId('certificate')).getByTestId('certificate-total').textContent).toBe('12.50');
    // The function forgives case and spaces; the page only trims.
    expect(api.callsTo('hours', 'verifyCertificate')[0]!.input).toEqual({
      number: 'll-demo-2026-000007',
      code: '7k3m q9xd 2hbt 8w0r',
    });
    // Anyone may check: no profile or volunteer record is read.
    expect(api.calls.map((c) => `${c.fn}.${c.action}`)).toEqual(['hours.verifyCertificate']);
  });

  it('says plainly when the number and code do not match', async () => {
    openWithParams({});
    fakeApi({
      hours: {
        verifyCertificate: () => refuse({ code: 'CERTIFICATE_INVALID', message: DEFAULT_MESSAGES.CERTIFICATE_INVALID }),
      },
    });
    render(<VerifyPage />);
    fireEvent.input(screen.getByPlaceholderText(NUMBER), { target: { value: 'LL-DEMO-2026-000007' } });
    fireEvent.input(screen.getByPlaceholderText(CODE), { target: { value: 'AAAA-BBBB-CCCC-DDDD' } });
    fireEvent.click(screen.getByText('核验'));

    expect(await screen.findByText('核验未通过')).toBeTruthy();
    expect(screen.getByText(DEFAULT_MESSAGES.CERTIFICATE_INVALID)).toBeTruthy();
    expect(screen.queryByTestId('certificate')).toBeNull();
  });

  it('asks for both before checking', () => {
    openWithParams({});
    const api = fakeApi({});
    render(<VerifyPage />);
    fireEvent.click(screen.getByText('核验'));
    expect(screen.getByText('请输入证明上的编号')).toBeTruthy();
    expect(screen.getByText('请输入证明上的校验码')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('checks at once when opened by a link with both', async () => {
    openWithParams({ number: 'LL-DEMO-2026-000007', code: encodeURIComponent('7K3M-Q9XD-2HBT-8W0R') });
    const api = fakeApi({ hours: { verifyCertificate: () => certificate() } });
    render(<VerifyPage />);
    expect(await screen.findByText('核验通过')).toBeTruthy();
    expect(api.callsTo('hours', 'verifyCertificate')[0]!.input).toEqual({
      number: 'LL-DEMO-2026-000007',
      code: '7K3M-Q9XD-2HBT-8W0R',
    });
  });
});
