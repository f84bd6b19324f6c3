import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import WishItemPage, { nextStepText } from '@/pages/wishes/item/index';
import WishWallPage from '@/pages/wishes/wall/index';
import { fakeApi, refuse } from '../support/fake-api';
import { navigateTo } from '../support/taro';
import { openWithParams } from '../activities/fixtures';
import { publicWish, typeInto } from './fixtures';

afterEach(() => jest.restoreAllMocks());

describe('心愿墙', () => {
  it('shows the public text only, and switches to the wishes I claimed', async () => {
    const api = fakeApi({
      wishes: {
        wall: (input) =>
          input.view === 'mine'
            ? { items: [publicWish({ id: 'W2', status: 'claimed', claimedByMe: true, can: ['release', 'fulfil'] })] }
            : { items: [publicWish()] },
      },
    });
    render(<WishWallPage />);
    const [card] = await screen.findAllByTestId('public-wish');
    expect(card!.textContent).toBe(
      '为长者送一台电风扇待认领一位长者家里的电风扇坏了，想要一台新的电风扇。生活用品 · 约150元 · 湖滨社区',
    );
    fireEvent.click(card!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/wishes/item/index?id=Wabc1234567' });

    fireEvent.click(screen.getByText('我认领的'));
    expect(await screen.findByText('我已认领')).toBeTruthy();
    expect(api.callsTo('wishes', 'wall').map((c) => (c.input as { view: string }).view)).toEqual(['open', 'mine']);
  });
});

describe('认领与交付', () => {
  it('claims with a requestId and says what to do next', async () => {
    openWithParams({ id: 'W1' });
    const api = fakeApi({
      wishes: {
        publicView: () => publicWish(),
        claim: () => publicWish({ status: 'claimed', claimedByMe: true, can: ['release', 'fulfil'] }),
      },
    });
    render(<WishItemPage />);
    fireEvent.click(await screen.findByText('认领这个心愿'));
    expect(await screen.findByText('您已认领。请联系社工李社工约定交付方式，送到后在下面登记交付。')).toBeTruthy();
    expect(screen.getByText('登记交付', { selector: '.nut-button *, .nut-button' })).toBeTruthy();
    expect(api.callsTo('wishes', 'claim')[0]!.requestId).toMatch(/^r/);
  });

  it('someone was quicker: the refusal is shown and the wish read again', async () => {
    openWithParams({ id: 'W1' });
    let reads = 0;
    fakeApi({
      wishes: {
        publicView: () => {
          reads += 1;
          return reads === 1 ? publicWish() : publicWish({ status: 'claimed', claimerName: '刘**', can: [] });
        },
        claim: () => refuse({ code: 'WISH_TAKEN', message: '这个心愿已被其他人认领' }),
      },
    });
    render(<WishItemPage />);
    fireEvent.click(await screen.findByText('认领这个心愿'));
    expect(await screen.findByText('这个心愿已被其他人认领')).toBeTruthy();
    expect(await screen.findByText('刘** 已认领')).toBeTruthy();
    expect(screen.queryByText('认领这个心愿')).toBeNull();
  });

  it('records the delivery with a note; the server’s message for a missing note shows at the field', async () => {
    openWithParams({ id: 'W1' });
    const claimed = publicWish({ status: 'claimed', claimedByMe: true, can: ['release', 'fulfil'] });
    let attempts = 0;
    const api = fakeApi({
      wishes: {
        publicView: () => claimed,
        fulfil: (input) => {
          attempts += 1;
          if (attempts === 1) {
            refuse({
              code: 'INVALID_INPUT',
              message: '填写的内容有误',
              fields: [{ path: 'note', message: '请写下交付情况，例如：已送到社工站' }],
            });
          }
          return publicWish({
            ...claimed,
            status: 'fulfilled',
            can: [],
            delivery: { note: input.note, photoUrls: [], fulfilledAt: '2026-11-20T10:00:00+08:00' },
          });
        },
      },
    });
    render(<WishItemPage />);
    fireEvent.click(await screen.findByText('登记交付', { selector: '.nut-button *, .nut-button' }));
    expect(await screen.findByText('请写下交付情况，例如：已送到社工站')).toBeTruthy();
    typeInto('送了什么、怎么交付的', '已送到社工站');
    fireEvent.click(screen.getByText('登记交付', { selector: '.nut-button *, .nut-button' }));
    expect(await screen.findByText('已登记交付，等待受助人或社工确认收到。')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('已送到社工站')).toBeTruthy());
    expect(api.callsTo('wishes', 'fulfil').map((c) => c.input)).toEqual([
      { wishId: 'W1', note: '', photoFileIds: [] },
      { wishId: 'W1', note: '已送到社工站', photoFileIds: [] },
    ]);
  });

  it('has nothing to say to someone who did not claim it', () => {
    expect(nextStepText({ status: 'claimed', claimedByMe: false, contactName: '李社工' })).toBeNull();
  });
});
