/** 服务记录 shows a self-report's photo through the link hours.history returned. */
import { fireEvent, render, screen } from '@testing-library/react';
import EntryPage from '@/subpackages/volunteer/pages/entry/index';
import { fakeApi } from '../support/fake-api';
import { previewImage } from '../support/taro';
import { openWithParams } from '../activities/fixtures';
import { hourEntry } from '../volunteer/fixtures';

afterEach(() => jest.restoreAllMocks());

const LINK = 'http://127.0.0.1:8930/__files/cloud%3A%2F%2Flocal%2Fuploads%2Fo_liu%2Faaaaaaaaaa.png?expires=1&sig=x';

it('shows the photo and opens it full screen', async () => {
  openWithParams({ id: 'report_1' });
  fakeApi({
    hours: { history: () => ({ versions: [hourEntry({ id: 'report_1', source: 'self_report', photoUrl: LINK })] }) },
  });
  render(<EntryPage />);
  fireEvent.click(await screen.findByLabelText('查看服务照片'));
  expect(previewImage).toHaveBeenCalledWith({ current: LINK, urls: [LINK] });
});

it('shows no photo area for an entry without one', async () => {
  openWithParams({ id: 'report_1' });
  fakeApi({ hours: { history: () => ({ versions: [hourEntry({ id: 'report_1' })] }) } });
  render(<EntryPage />);
  await screen.findByText('服务记录');
  expect(screen.queryByLabelText('查看服务照片')).toBeNull();
});
