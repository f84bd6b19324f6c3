import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { PersonRef } from '@linli/types/entities/user';
import ActivityForm from '@/components/activity-form';
import type { ActivityDraftInput } from '@/components/activity-form/form-state';
import ActivityEditPage from '@/subpackages/staff/pages/activity-edit/index';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker, station } from '../support/fixtures';
import { NOW, activity, detail, openWithParams } from './fixtures';

/**
 * 受邀名单 in the activity form: an invitation-only activity shows who is invited, residents are
 * added by search (station.searchResidents) and removed, and the whole list goes out as
 * `draft.invited` — the server keeps exactly what it is sent.
 */
const liu: PersonRef = { personId: 'o_liu', name: '刘先生', communityName: '兴隆社区', phoneTail: '0012' };
const liuPo: PersonRef = { personId: 'o_liu_po', name: '刘阿婆', communityName: '湖滨社区', phoneTail: null };
const zhang: PersonRef = { personId: 'o_zhang', name: '张阿姨', communityName: '光复社区', phoneTail: '0011' };
const RESIDENTS = [liu, liuPo, zhang];

/** A station whose residents are found by any part of their name or their phone tail. */
function searchableStation() {
  return fakeApi({
    account: { me: () => socialWorker },
    station: {
      searchResidents: ({ query }) => ({
        items: RESIDENTS.filter((person) => person.name.includes(query) || person.phoneTail === query),
      }),
    },
  });
}

const typeInto = (placeholder: string, value: string) =>
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
const invitees = () => screen.queryAllByTestId('invitee').map((row) => row.textContent);
const resultRow = (name: string) =>
  screen.getAllByTestId('resident-result').find((row) => row.textContent?.includes(name)) as HTMLElement;

async function findAndAdd(query: string, name: string) {
  typeInto('姓名或手机尾号', query);
  fireEvent.click(screen.getByText('查找'));
  await waitFor(() => expect(resultRow(name)).toBeTruthy());
  fireEvent.click(within(resultRow(name)).getByText('添加'));
}

function fillRequired() {
  typeInto('例如：长者智能手机课堂', '长者茶话会');
  fireEvent.click(screen.getByText('湖滨社区'));
  typeInto('例如：社区党群服务中心二楼活动室', '湖滨社区活动室');
}

describe('invitation list in the activity form', () => {
  function renderForm() {
    const onSubmit = jest.fn<void, [ActivityDraftInput]>();
    render(
      <ActivityForm
        station={station}
        submitText="发布活动"
        submitting={false}
        serverErrors={{}}
        onSubmit={onSubmit}
        now={NOW}
      />,
    );
    return onSubmit;
  }

  it('appears only for 仅受邀居民', () => {
    searchableStation();
    renderForm();
    expect(screen.queryByText('添加居民')).toBeNull();
    fireEvent.click(screen.getByText('仅受邀居民'));
    expect(screen.getByText('添加居民')).toBeTruthy();
    expect(screen.getByText('还没有邀请居民：名单以外的居民不能报名。')).toBeTruthy();
  });

  it('adds residents found by name or phone tail, removes them, and sends the list', async () => {
    const api = searchableStation();
    const onSubmit = renderForm();
    fillRequired();
    fireEvent.click(screen.getByText('仅受邀居民'));

    await findAndAdd('刘', '刘先生');
    expect(api.callsTo('station', 'searchResidents')[0]!.input).toEqual({ query: '刘' });
    // Once on the list, the search says so instead of offering it again.
    expect(within(resultRow('刘先生')).getByText('已在名单')).toBeTruthy();
    fireEvent.click(within(resultRow('刘阿婆')).getByText('添加'));
    await findAndAdd('0011', '张阿姨');

    expect(invitees()).toEqual([
      expect.stringContaining('刘先生兴隆社区 · 尾号0012'),
      expect.stringContaining('刘阿婆湖滨社区'),
      expect.stringContaining('张阿姨光复社区 · 尾号0011'),
    ]);
    expect(screen.getByText('已邀请 3 位居民')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '移除刘阿婆' }));
    expect(invitees()).toHaveLength(2);
    // Removed, she can be found and added again.
    typeInto('姓名或手机尾号', '刘');
    fireEvent.click(screen.getByText('查找'));
    await waitFor(() => expect(within(resultRow('刘阿婆')).getByText('添加')).toBeTruthy());

    fireEvent.click(screen.getByText('发布活动'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ audience: 'invited', invited: ['o_liu', 'o_zhang'] });
  });

  it('sends no list when the activity is switched back to 所有居民', async () => {
    searchableStation();
    const onSubmit = renderForm();
    fillRequired();
    fireEvent.click(screen.getByText('仅受邀居民'));
    await findAndAdd('刘先生', '刘先生');
    fireEvent.click(screen.getByText('所有居民'));
    expect(screen.queryByText('添加居民')).toBeNull();

    fireEvent.click(screen.getByText('发布活动'));
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ audience: 'everyone', invited: [] });
  });

  it('says when nobody matches, and shows the search’s own message for an empty query', async () => {
    fakeApi({
      account: { me: () => socialWorker },
      station: {
        searchResidents: ({ query }) =>
          query === ''
            ? refuse({
                code: 'INVALID_INPUT',
                message: '填写的内容有误',
                fields: [{ path: 'query', message: '请输入姓名或手机尾号' }],
              })
            : { items: [] },
      },
    });
    renderForm();
    fireEvent.click(screen.getByText('仅受邀居民'));

    fireEvent.click(screen.getByText('查找'));
    expect((await screen.findByRole('alert')).textContent).toBe('请输入姓名或手机尾号');
    typeInto('姓名或手机尾号', '王');
    fireEvent.click(screen.getByText('查找'));
    expect(await screen.findByText('没有找到这位居民，请换个写法或用手机尾号查找')).toBeTruthy();
  });
});

describe('editing an invitation-only activity', () => {
  afterEach(() => jest.restoreAllMocks());

  it('loads the invitation list and saves the list as edited, whole', async () => {
    openWithParams({ id: 'Act0000001' });
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: {
        get: () => detail({ activity: activity({ audience: 'invited' }) }),
        invitees: () => ({ items: [liu, liuPo] }),
        update: ({ draft }) => activity({ title: draft.title }),
      },
      station: { searchResidents: () => ({ items: [zhang] }) },
    });
    render(<ActivityEditPage />);

    await waitFor(() => expect(invitees()).toHaveLength(2));
    expect(api.callsTo('activity', 'invitees')[0]!.input).toEqual({ activityId: 'Act0000001' });
    expect(invitees()[0]).toContain('刘先生兴隆社区 · 尾号0012');

    fireEvent.click(screen.getByRole('button', { name: '移除刘先生' }));
    await findAndAdd('张', '张阿姨');
    fireEvent.click(screen.getByText('保存修改'));

    await waitFor(() => expect(api.callsTo('activity', 'update')).toHaveLength(1));
    expect(api.callsTo('activity', 'update')[0]!.input).toMatchObject({
      activityId: 'Act0000001',
      draft: { audience: 'invited', invited: ['o_liu_po', 'o_zhang'] },
    });
  });

  it('does not ask for a list when the activity is open to everyone', async () => {
    openWithParams({ id: 'Act0000001' });
    const api = fakeApi({ account: { me: () => socialWorker }, activity: { get: () => detail() } });
    render(<ActivityEditPage />);

    expect(await screen.findByDisplayValue('长者智能手机课堂')).toBeTruthy();
    expect(api.callsTo('activity', 'invitees')).toHaveLength(0);
    expect(screen.queryByText('添加居民')).toBeNull();
  });
});
