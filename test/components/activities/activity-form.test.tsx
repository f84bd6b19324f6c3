import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ActivityForm from '@/components/activity-form';
import type { ActivityDraftInput } from '@/components/activity-form/form-state';
import ActivityEditPage from '@/subpackages/staff/pages/activity-edit/index';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker, station } from '../support/fixtures';
import { navigateBack, reLaunch, taro } from '../support/taro';
import { NOW, activity, detail, openWithParams } from './fixtures';

/** The form row (label, control, error) whose label is `label`. */
const field = (label: string) => screen.getByText(label).closest('.ll-field') as HTMLElement;
/** The NutUI button showing `text` (a heading may say the same). */
const button = (text: string) =>
  screen.getAllByText(text).find((element) => element.closest('.nut-button')) as HTMLElement;
const typeInto = (placeholder: string, value: string) =>
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });

function renderForm(serverErrors: Record<string, string> = {}) {
  const onSubmit = jest.fn<void, [ActivityDraftInput]>();
  const view = render(
    <ActivityForm
      station={station}
      submitText="发布活动"
      submitting={false}
      serverErrors={serverErrors}
      onSubmit={onSubmit}
      now={NOW}
    />,
  );
  return { onSubmit, ...view };
}

describe('activity form', () => {
  it('starts from sensible defaults: tomorrow morning, 30 seats, booking open now until the start', () => {
    renderForm();
    expect(within(field('日期与开始时间')).getByLabelText('活动日期').textContent).toContain('2026-11-21');
    expect(within(field('日期与开始时间')).getByLabelText('开始时间').textContent).toContain('09:30');
    expect(within(field('结束时间')).getByLabelText('结束时间').textContent).toContain('11:00');
    expect(screen.getByDisplayValue('30')).toBeTruthy();
    expect(within(field('报名开始')).getByLabelText('报名开始日期').textContent).toContain('2026-11-20');
    expect(within(field('报名开始')).getByLabelText('报名开始时间').textContent).toContain('10:00');
    expect(screen.getByRole('radio', { name: '活动开始时截止' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('radio', { name: '所有居民' }).getAttribute('aria-checked')).toBe('true');
    expect(within(field('活动类型')).getByText(/中小型社区活动/)).toBeTruthy();
  });

  it('sends a draft in station time, closing booking at the start', () => {
    const { onSubmit } = renderForm();
    typeInto('例如：长者智能手机课堂', '重阳节游园会');
    fireEvent.click(screen.getByText('磨坊社区'));
    typeInto('例如：社区党群服务中心二楼活动室', '磨坊社区广场');
    fireEvent.click(screen.getByText('长者'));
    fireEvent.click(screen.getByText('＋ 添加岗位'));
    typeInto('岗位，例如：引导', '引导');
    fireEvent.click(screen.getByText('发布活动'));

    expect(onSubmit).toHaveBeenCalledWith({
      title: '重阳节游园会',
      description: '',
      kind: 'small_event',
      serviceArea: 'elderly',
      areaId: 'area_west',
      communityId: 'c_mill',
      place: '磨坊社区广场',
      startAt: '2026-11-21T09:30:00+08:00',
      endAt: '2026-11-21T11:00:00+08:00',
      capacity: 30,
      bookingOpensAt: '2026-11-20T10:00:00+08:00',
      bookingClosesAt: '2026-11-21T09:30:00+08:00',
      audience: 'everyone',
      invited: [],
      volunteerRoles: [{ role: '引导', count: 1 }],
      sessions: [],
    });
  });

  it('shows the contract’s messages next to each field and sends nothing', () => {
    const { onSubmit } = renderForm();
    typeInto('例如：30', '');
    fireEvent.click(screen.getByText('发布活动'));

    expect(within(field('活动名称')).getByRole('alert').textContent).toBe('标题至少2个字');
    expect(within(field('片区与社区')).getByRole('alert').textContent).toBe('请选择片区和社区');
    expect(within(field('地点')).getByRole('alert').textContent).toBe('请填写地点');
    expect(within(field('名额')).getByRole('alert').textContent).toBe('请填写名额（整数）');
    expect(screen.getByText('请检查上面标红的4项')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    typeInto('例如：长者智能手机课堂', '重阳节游园会');
    expect(within(field('活动名称')).queryByRole('alert')).toBeNull();
  });

  it('shows the server’s field errors next to their fields, for publish and update paths alike', () => {
    renderForm({
      endAt: '结束时间须晚于开始时间',
      'draft.capacity': '不能少于12',
      bookingClosesAt: '报名截止不能晚于活动开始',
    });
    expect(within(field('结束时间')).getByRole('alert').textContent).toBe('结束时间须晚于开始时间');
    expect(within(field('名额')).getByRole('alert').textContent).toBe('不能少于12');
    expect(within(field('报名截止')).getByRole('alert').textContent).toBe('报名截止不能晚于活动开始');
    expect(within(field('活动名称')).queryByRole('alert')).toBeNull();

    typeInto('例如：30', '40');
    expect(within(field('名额')).queryByRole('alert')).toBeNull();
    expect(within(field('结束时间')).getByRole('alert')).toBeTruthy();
  });
});

describe('publish and edit page', () => {
  afterEach(() => jest.restoreAllMocks());

  it('edits an activity and shows the server’s refusal next to the capacity', async () => {
    openWithParams({ id: 'Act0000001' });
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: {
        get: () => detail(),
        update: () =>
          refuse({
            code: 'CAPACITY_BELOW_BOOKED',
            message: '已有18人确认报名，名额不能少于此数',
            fields: [{ path: 'draft.capacity', message: '不能少于18' }],
          }),
      },
    });
    render(<ActivityEditPage />);

    expect(await screen.findByDisplayValue('长者智能手机课堂')).toBeTruthy();
    typeInto('例如：30', '10');
    fireEvent.click(screen.getByText('保存修改'));

    await waitFor(() => expect(within(field('名额')).getByRole('alert').textContent).toBe('不能少于18'));
    const [update] = api.callsTo('activity', 'update');
    expect(update!.input).toMatchObject({
      activityId: 'Act0000001',
      draft: {
        title: '长者智能手机课堂',
        capacity: 10,
        startAt: '2026-11-23T14:00:00+08:00',
        endAt: '2026-11-23T16:00:00+08:00',
        bookingClosesAt: '2026-11-23T14:00:00+08:00',
      },
    });
  });

  it('cancels an activity only with a reason', async () => {
    openWithParams({ id: 'Act0000001' });
    taro.setPageStack(['subpackages/staff/pages/activities/index', 'subpackages/staff/pages/activity-edit/index']);
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: {
        get: () => detail(),
        cancel: ({ reason }) => activity({ status: 'cancelled', cancelReason: reason }),
      },
    });
    render(<ActivityEditPage />);

    await screen.findByDisplayValue('长者智能手机课堂');
    fireEvent.click(button('取消活动'));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByText('确定取消活动'));
    expect(within(dialog).getByRole('alert').textContent).toBe('请填写取消原因');
    expect(api.callsTo('activity', 'cancel')).toHaveLength(0);

    fireEvent.input(within(dialog).getByPlaceholderText('取消原因，例如：天气原因改期'), {
      target: { value: '暴雨预警' },
    });
    fireEvent.click(within(dialog).getByText('确定取消活动'));
    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(api.callsTo('activity', 'cancel')[0]!.input).toEqual({ activityId: 'Act0000001', reason: '暴雨预警' });
    expect(reLaunch).not.toHaveBeenCalled();
  });

  it('publishes a new activity', async () => {
    openWithParams({});
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: { publish: (draft) => activity({ title: draft.title }) },
    });
    render(<ActivityEditPage />);

    fireEvent.input(await screen.findByPlaceholderText('例如：长者智能手机课堂'), { target: { value: '亲子手工坊' } });
    fireEvent.click(screen.getByText('湖滨社区'));
    typeInto('例如：社区党群服务中心二楼活动室', '湖滨社区活动室');
    fireEvent.click(button('发布活动'));

    await waitFor(() => expect(api.callsTo('activity', 'publish')).toHaveLength(1));
    expect(api.callsTo('activity', 'publish')[0]!.requestId).toMatch(/^r[a-z0-9]+$/);
  });
});
