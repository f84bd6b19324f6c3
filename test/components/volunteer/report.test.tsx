import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PickerFieldProps } from '@/components/picker-field';
import ReportPage from '@/subpackages/volunteer/pages/report/index';
import { fakeApi, refuse } from '../support/fake-api';
import { navigateBack, taro } from '../support/taro';
import { freezeDateAtNow } from '../activities/fixtures';
import { hourEntry } from './fixtures';

// The platform's picker wheel cannot be turned in jsdom: a plain box that takes what is typed.
jest.mock('@/components/picker-field', () => ({
  __esModule: true,
  default: (props: PickerFieldProps) => (
    <input
      aria-label={props.label}
      value={props.display}
      onChange={(event) => props.onChange(event.target.value as never)}
    />
  ),
}));

const pick = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const fieldOf = (label: string) => screen.getByText(label).closest('.ll-field') as HTMLElement;

beforeEach(() => freezeDateAtNow());
afterEach(() => jest.useRealTimers());

describe('申报服务', () => {
  it('sends the day and times (never hours), what it was and a note, then goes back', async () => {
    const api = fakeApi({ hours: { report: () => hourEntry({ source: 'self_report' }) } });
    taro.setPageStack(['subpackages/volunteer/pages/hours/index', 'subpackages/volunteer/pages/report/index']);
    render(<ReportPage />);

    expect((screen.getByLabelText('服务日期') as HTMLInputElement).value).toBe('2026-11-20');
    pick('服务日期', '2026-11-19');
    pick('开始时间', '14:00');
    pick('结束时间', '16:30');
    fireEvent.input(screen.getByPlaceholderText('例如：陪伴独居长者聊天'), { target: { value: '陪伴独居长者聊天' } });
    // Taro's textarea is a web component: it reports what was typed in the event's detail.
    fireEvent(
      screen.getByPlaceholderText('服务对象、地点、谁可以证明等，方便社工核实'),
      new CustomEvent('input', { detail: { value: '湖滨社区3栋王伯' }, bubbles: true }),
    );
    fireEvent.click(screen.getByText('提交申报'));

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    const [call] = api.callsTo('hours', 'report');
    expect(call!.input).toEqual({
      span: { startAt: '2026-11-19T14:00:00+08:00', endAt: '2026-11-19T16:30:00+08:00' },
      content: '陪伴独居长者聊天',
      note: '湖滨社区3栋王伯',
    });
    expect(call!.requestId).toMatch(/^r/);
  });

  it('checks times and content before sending', async () => {
    const api = fakeApi({});
    render(<ReportPage />);
    fireEvent.click(screen.getByText('提交申报'));
    expect(fieldOf('开始时间').textContent).toContain('请选择开始时间');
    expect(fieldOf('结束时间').textContent).toContain('请选择结束时间');
    expect(fieldOf('服务内容').textContent).toContain('请填写服务内容');

    pick('开始时间', '16:00');
    pick('结束时间', '15:00');
    fireEvent.input(screen.getByPlaceholderText('例如：陪伴独居长者聊天'), { target: { value: '电话关怀' } });
    fireEvent.click(screen.getByText('提交申报'));
    expect(fieldOf('结束时间').textContent).toContain('结束时间须晚于开始时间');
    expect(api.callsTo('hours', 'report')).toHaveLength(0);
  });

  it("shows the server's refusal of the times at 结束时间", async () => {
    fakeApi({
      hours: {
        report: () =>
          refuse({
            code: 'INVALID_INPUT',
            message: '结束时间还没到，不能登记尚未完成的服务',
            fields: [{ path: 'span.endAt', message: '结束时间还没到，不能登记尚未完成的服务' }],
          }),
      },
    });
    render(<ReportPage />);
    pick('开始时间', '14:00');
    pick('结束时间', '18:00');
    fireEvent.input(screen.getByPlaceholderText('例如：陪伴独居长者聊天'), { target: { value: '电话关怀' } });
    fireEvent.click(screen.getByText('提交申报'));
    await waitFor(() => expect(fieldOf('结束时间').textContent).toContain('结束时间还没到，不能登记尚未完成的服务'));
  });
});
