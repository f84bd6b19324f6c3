/** 申报服务 with a photo: the first consumer of the photo picker (hours.report's photoFileId). */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PickerFieldProps } from '@/components/picker-field';
import ReportPage from '@/subpackages/volunteer/pages/report/index';
import { pickPhotos, uploadPhoto } from '@/services/files';
import { fakeApi, refuse } from '../support/fake-api';
import { navigateBack, taro } from '../support/taro';
import { freezeDateAtNow } from '../activities/fixtures';
import { hourEntry } from '../volunteer/fixtures';

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
jest.mock('@/services/files', () => ({
  ...jest.requireActual('@/services/files'),
  pickPhotos: jest.fn(),
  uploadPhoto: jest.fn(),
}));

const FILE_ID = 'cloud://local/uploads/oDemoVolunteer1/AbCdEfGhIjKlMnOpQrStUv.png';
let finishUpload: (fileId: string) => void;
beforeEach(() => {
  freezeDateAtNow();
  taro.setPageStack(['subpackages/volunteer/pages/hours/index', 'subpackages/volunteer/pages/report/index']);
  jest.mocked(pickPhotos).mockResolvedValue([{ path: 'blob:photo', size: 2048 }]);
  jest.mocked(uploadPhoto).mockImplementation(() => new Promise((resolve) => (finishUpload = resolve)));
});
afterEach(() => jest.useRealTimers());

function fillIn() {
  fireEvent.change(screen.getByLabelText('开始时间'), { target: { value: '14:00' } });
  fireEvent.change(screen.getByLabelText('结束时间'), { target: { value: '15:00' } });
  fireEvent.input(screen.getByPlaceholderText('例如：陪伴独居长者聊天'), { target: { value: '电话关怀' } });
}

it('waits for the photo to upload, then sends its file id with the report', async () => {
  const api = fakeApi({ hours: { report: () => hourEntry({ source: 'self_report' }) } });
  render(<ReportPage />);
  fillIn();
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(screen.getByText('照片上传中…')).toBeTruthy());
  fireEvent.click(screen.getByText('照片上传中…'));
  expect(api.callsTo('hours', 'report')).toHaveLength(0);

  await act(async () => finishUpload(FILE_ID));
  fireEvent.click(screen.getByText('提交申报'));
  await waitFor(() => expect(navigateBack).toHaveBeenCalled());
  expect(api.callsTo('hours', 'report')[0]!.input).toMatchObject({ content: '电话关怀', photoFileId: FILE_ID });
});

it('sends no photo field when none was added', async () => {
  const api = fakeApi({ hours: { report: () => hourEntry({ source: 'self_report' }) } });
  render(<ReportPage />);
  fillIn();
  fireEvent.click(screen.getByText('提交申报'));
  await waitFor(() => expect(navigateBack).toHaveBeenCalled());
  expect(api.callsTo('hours', 'report')[0]!.input).not.toHaveProperty('photoFileId');
});

it("shows the function's refusal of the photo at the photo", async () => {
  fakeApi({
    hours: {
      report: () =>
        refuse({
          code: 'INVALID_INPUT',
          message: '照片上传未完成，请重新选择照片',
          fields: [{ path: 'photoFileId', message: '只能附上自己上传的照片' }],
        }),
    },
  });
  render(<ReportPage />);
  fillIn();
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(jest.mocked(uploadPhoto)).toHaveBeenCalled());
  await act(async () => finishUpload(FILE_ID));
  fireEvent.click(screen.getByText('提交申报'));
  const field = () => screen.getByText('服务照片').closest('.ll-field') as HTMLElement;
  await waitFor(() => expect(field().textContent).toContain('只能附上自己上传的照片'));
});
