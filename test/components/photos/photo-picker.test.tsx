/** The photo picker: thumbnails at once, progress while uploading, retry, remove, at most N. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import PhotoPicker from '@/components/photo-picker';
import { PhotoError, pickPhotos, uploadPhoto, type PickedPhoto } from '@/services/files';

jest.mock('@/services/files', () => ({
  ...jest.requireActual('@/services/files'),
  pickPhotos: jest.fn(),
  uploadPhoto: jest.fn(),
}));
const pick = jest.mocked(pickPhotos);
const upload = jest.mocked(uploadPhoto);

/** One upload the test settles: progress, success or failure. */
interface PendingUpload {
  photo: PickedPhoto;
  progress: (percent: number) => void;
  succeed: (fileId: string) => void;
  fail: (error: Error) => void;
}
let uploads: PendingUpload[];
beforeEach(() => {
  uploads = [];
  pick.mockReset();
  upload.mockReset().mockImplementation(
    (photo, onProgress) =>
      new Promise<string>((resolve, reject) => {
        uploads.push({ photo, progress: (p) => onProgress?.(p), succeed: resolve, fail: reject });
      }),
  );
});

const photo = (name: string): PickedPhoto => ({ path: `blob:${name}`, size: 1000 });
const tiles = () => screen.queryAllByTestId('photo-tile');
const statuses = () => tiles().map((tile) => tile.getAttribute('data-status'));

function renderPicker(max = 3) {
  const onChange = jest.fn();
  const onBusyChange = jest.fn();
  render(<PhotoPicker max={max} onChange={onChange} onBusyChange={onBusyChange} />);
  return { onChange, onBusyChange };
}

it('shows each picked photo at once, with its progress, and hands over the file ids once uploaded', async () => {
  const { onChange, onBusyChange } = renderPicker(3);
  pick.mockResolvedValueOnce([photo('a'), photo('b')]);
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(tiles()).toHaveLength(2));
  expect(pick).toHaveBeenCalledWith(3);
  expect(tiles()[0]!.querySelector('img')?.getAttribute('src')).toBe('blob:a');
  expect(statuses()).toEqual(['uploading', 'uploading']);
  expect(onBusyChange).toHaveBeenLastCalledWith(true);
  expect(screen.getByText('添加照片 2/3')).toBeTruthy();

  act(() => uploads[0]!.progress(40));
  expect(tiles()[0]!.textContent).toContain('上传中 40%');

  await act(async () => uploads[1]!.succeed('cloud://local/uploads/o1/bbbbbbbbbb.png'));
  expect(onChange).toHaveBeenLastCalledWith(['cloud://local/uploads/o1/bbbbbbbbbb.png']);
  await act(async () => uploads[0]!.succeed('cloud://local/uploads/o1/aaaaaaaaaa.png'));
  // In the order shown, not the order they finished.
  expect(onChange).toHaveBeenLastCalledWith([
    'cloud://local/uploads/o1/aaaaaaaaaa.png',
    'cloud://local/uploads/o1/bbbbbbbbbb.png',
  ]);
  expect(onBusyChange).toHaveBeenLastCalledWith(false);
  expect(statuses()).toEqual(['done', 'done']);
});

it('asks only for as many as still fit, and offers no more once full', async () => {
  renderPicker(2);
  pick.mockResolvedValueOnce([photo('a')]);
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(tiles()).toHaveLength(1));
  pick.mockResolvedValueOnce([photo('b')]);
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(tiles()).toHaveLength(2));
  expect(pick).toHaveBeenLastCalledWith(1);
  expect(screen.queryByLabelText('添加照片')).toBeNull();
});

it('says why an upload failed and uploads the same photo again when tapped', async () => {
  const { onChange, onBusyChange } = renderPicker(1);
  pick.mockResolvedValueOnce([photo('a')]);
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(uploads).toHaveLength(1));
  await act(async () => uploads[0]!.fail(new PhotoError('照片不能超过5MB，请换一张或裁剪后再试')));
  expect(screen.getByRole('alert').textContent).toBe('照片不能超过5MB，请换一张或裁剪后再试');
  expect(statuses()).toEqual(['failed']);
  expect(onBusyChange).toHaveBeenLastCalledWith(false);
  expect(onChange).not.toHaveBeenCalled();

  fireEvent.click(screen.getByText(/上传失败/));
  expect(upload).toHaveBeenCalledTimes(2);
  expect(uploads[1]!.photo).toEqual(photo('a'));
  await act(async () => uploads[1]!.succeed('cloud://local/uploads/o1/aaaaaaaaaa.png'));
  expect(onChange).toHaveBeenLastCalledWith(['cloud://local/uploads/o1/aaaaaaaaaa.png']);
  expect(screen.queryByRole('alert')).toBeNull();
});

it('says something generic for an unexpected failure, never a stack trace', async () => {
  renderPicker(1);
  pick.mockResolvedValueOnce([photo('a')]);
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(uploads).toHaveLength(1));
  await act(async () => uploads[0]!.fail(new TypeError('xhr is undefined')));
  expect(screen.getByRole('alert').textContent).toBe('照片没有传上去，请稍后重试');
});

it('removes a photo, even one still uploading, and ignores its late answer', async () => {
  const { onChange, onBusyChange } = renderPicker(3);
  pick.mockResolvedValueOnce([photo('a'), photo('b')]);
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(uploads).toHaveLength(2));
  await act(async () => uploads[0]!.succeed('cloud://local/uploads/o1/aaaaaaaaaa.png'));
  expect(onChange).toHaveBeenLastCalledWith(['cloud://local/uploads/o1/aaaaaaaaaa.png']);

  fireEvent.click(screen.getByLabelText('删除第2张照片'));
  expect(tiles()).toHaveLength(1);
  expect(onBusyChange).toHaveBeenLastCalledWith(false);
  await act(async () => uploads[1]!.succeed('cloud://local/uploads/o1/bbbbbbbbbb.png'));
  expect(tiles()).toHaveLength(1);
  expect(onChange).toHaveBeenLastCalledWith(['cloud://local/uploads/o1/aaaaaaaaaa.png']);

  fireEvent.click(screen.getByLabelText('删除第1张照片'));
  expect(onChange).toHaveBeenLastCalledWith([]);
});

it('does nothing when the person cancels, and says so when the album cannot open', async () => {
  const { onChange } = renderPicker(3);
  pick.mockResolvedValueOnce([]);
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(pick).toHaveBeenCalled());
  expect(tiles()).toHaveLength(0);
  expect(onChange).not.toHaveBeenCalled();

  pick.mockRejectedValueOnce(new PhotoError('无法打开相册或相机，请检查权限后重试'));
  fireEvent.click(screen.getByLabelText('添加照片'));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('无法打开相册或相机，请检查权限后重试'));
});
