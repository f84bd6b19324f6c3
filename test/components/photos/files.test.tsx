/** services/files.ts: picking photos and uploading them, on H5 (local runtime) and on WeChat. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_UPLOAD_PATH } from '@linli/types/files';
import { PhotoError, extensionOf, pickAndUploadPhotos, pickPhotos, uploadPhoto } from '@/services/files';
import { devToken } from '@/services/transport';
import { fakeApi } from '../support/fake-api';
import { newUser, profile, station } from '../support/fixtures';
import { chooseMedia, cloud, cloudUploadProgress, compressImage, type CloudUploadCall } from '../support/taro';
import { FakeXhr, nextUpload, installFakeXhr } from './fake-xhr';

installFakeXhr();

const png = (bytes = 64) => new Blob([new Uint8Array(bytes)], { type: 'image/png' });
const picked = (...files: { tempFilePath: string; size: number; originalFileObj?: Blob }[]) =>
  chooseMedia.mockResolvedValueOnce({ tempFiles: files });

describe('picking', () => {
  it('asks for images only, at most as many as still fit, compressed', async () => {
    picked({ tempFilePath: 'blob:a', size: 64 }, { tempFilePath: 'blob:b', size: 64 });
    expect(await pickPhotos(1)).toEqual([{ path: 'blob:a', size: 64 }]);
    expect(chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 1, mediaType: ['image'], sizeType: ['compressed'] }),
    );
  });

  it('answers nothing when the person cancels, and a message when the album cannot open', async () => {
    expect(await pickPhotos(3)).toEqual([]);
    chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail auth deny' });
    await expect(pickPhotos(3)).rejects.toThrow(new PhotoError('无法打开相册或相机，请检查权限后重试'));
    expect(await pickPhotos(0)).toEqual([]);
  });
});

describe('uploading on H5', () => {
  it('posts the bytes with the dev-login token and answers the file id, reporting progress', async () => {
    devToken.set('oDemoVolunteer1.sig');
    const file = png();
    const progress: number[] = [];
    const uploading = uploadPhoto({ path: 'blob:a', size: file.size, file }, (p) => progress.push(p));
    const xhr = await nextUpload();
    expect([xhr.method, xhr.url]).toEqual(['POST', LOCAL_UPLOAD_PATH]);
    expect(xhr.headers).toMatchObject({ authorization: 'Bearer oDemoVolunteer1.sig', 'content-type': 'image/png' });
    expect(xhr.body).toBe(file);
    xhr.progress(32, 64);
    xhr.respond(200, { fileID: 'cloud://local/uploads/oDemoVolunteer1/AbCdEfGhIjKlMnOpQrStUv.png' });
    await expect(uploading).resolves.toBe('cloud://local/uploads/oDemoVolunteer1/AbCdEfGhIjKlMnOpQrStUv.png');
    expect(progress).toEqual([50, 100]);
  });

  it("passes on the runtime's refusal in its words, and a network failure in ours", async () => {
    const file = png();
    const refused = uploadPhoto({ path: 'blob:a', size: file.size, file });
    (await nextUpload()).respond(415, {
      ok: false,
      error: { code: 'INVALID_INPUT', message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
    });
    await expect(refused).rejects.toThrow(new PhotoError('只能上传 JPG、PNG 或 WebP 格式的照片'));

    const lost = uploadPhoto({ path: 'blob:a', size: file.size, file });
    (await nextUpload()).fail();
    await expect(lost).rejects.toThrow(new PhotoError('网络不稳定，照片没有传上去，请重试'));

    const garbled = uploadPhoto({ path: 'blob:a', size: file.size, file });
    (await nextUpload()).respond(502, '<html>Bad Gateway</html>');
    await expect(garbled).rejects.toThrow(new PhotoError('照片没有传上去，请稍后重试'));
  });

  it('refuses a photo over 5 MB that the browser cannot shrink, before sending it', async () => {
    const huge = new Blob([new Uint8Array(5 * 1024 * 1024 + 1)], { type: 'image/heic' });
    await expect(uploadPhoto({ path: 'blob:a', size: huge.size, file: huge })).rejects.toThrow(
      new PhotoError('照片不能超过5MB，请换一张或裁剪后再试'),
    );
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('picks and uploads in one go, answering the file ids in order', async () => {
    picked(
      { tempFilePath: 'blob:a', size: 64, originalFileObj: png() },
      { tempFilePath: 'blob:b', size: 64, originalFileObj: png() },
    );
    const all = pickAndUploadPhotos({ max: 3 });
    (await nextUpload()).respond(200, { fileID: 'cloud://local/uploads/o1/aaaaaaaaaa.png' });
    (await nextUpload()).respond(200, { fileID: 'cloud://local/uploads/o1/bbbbbbbbbb.png' });
    await expect(all).resolves.toEqual([
      'cloud://local/uploads/o1/aaaaaaaaaa.png',
      'cloud://local/uploads/o1/bbbbbbbbbb.png',
    ]);
  });
});

describe('uploading on WeChat', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  /** The storage rule's path pattern (config/storage-rules.json): the upload must fit it. */
  const rulePath = (() => {
    const rules = JSON.parse(readFileSync(path.resolve(__dirname, '../../../config/storage-rules.json'), 'utf8'));
    return new RegExp(/\/(\^.+\$)\/\.test\(resource\.path\)/.exec(rules.write as string)![1]!);
  })();

  it("uploads into the caller's own folder, where the storage rules let them write", async () => {
    fakeApi({ account: { me: () => ({ profile: profile({ openid: 'oWx_Volunteer-1' }), station }) } });
    const progress: number[] = [];
    const uploading = uploadPhoto({ path: 'wxfile://tmp_a1.PNG', size: 2048 }, (p) => progress.push(p));
    await new Promise((r) => setTimeout(r, 0));
    const [options] = cloud.uploadFile.mock.calls[0] as [CloudUploadCall];
    expect(options.filePath).toBe('wxfile://tmp_a1.PNG');
    expect(options.cloudPath).toMatch(/^uploads\/oWx_Volunteer-1\/[0-9a-z]{8,64}\.png$/);
    expect(rulePath.test(options.cloudPath)).toBe(true);
    const listener = cloudUploadProgress.mock.calls[0]![0] as (update: { progress: number }) => void;
    listener({ progress: 60 });
    options.success!({ fileID: `cloud://env.bucket/${options.cloudPath}` });
    await expect(uploading).resolves.toBe(`cloud://env.bucket/${options.cloudPath}`);
    expect(progress).toEqual([60]);
    expect(compressImage).not.toHaveBeenCalled();
  });

  it('compresses once more what is still over 5 MB, and says when the upload failed', async () => {
    fakeApi({ account: { me: () => ({ profile: profile({ openid: 'oWx1' }), station }) } });
    const uploading = uploadPhoto({ path: 'wxfile://tmp_big.jpg', size: 6 * 1024 * 1024 });
    await new Promise((r) => setTimeout(r, 0));
    expect(compressImage).toHaveBeenCalledWith({ src: 'wxfile://tmp_big.jpg', quality: 60 });
    const [options] = cloud.uploadFile.mock.calls[0] as [CloudUploadCall];
    expect(options.filePath).toBe('wxfile://tmp_big.jpg.compressed.jpg');
    options.fail!({ errMsg: 'cloud.uploadFile:fail' });
    await expect(uploading).rejects.toThrow(new PhotoError('照片没有传上去，请检查网络后重试'));
  });

  it('needs a profile first: the folder is named by the OPENID account.me tells', async () => {
    fakeApi({ account: { me: () => newUser } });
    await expect(uploadPhoto({ path: 'wxfile://tmp_a.jpg', size: 10 })).rejects.toThrow(
      new PhotoError('请先完善个人资料，再上传照片'),
    );
    expect(cloud.uploadFile).not.toHaveBeenCalled();
  });

  it('names the stored type from the temporary path, JPEG when unsure', () => {
    expect(extensionOf('wxfile://tmp_a.JPEG')).toBe('jpg');
    expect(extensionOf('http://tmp/a.webp')).toBe('webp');
    expect(extensionOf('http://tmp/a')).toBe('jpg');
  });
});
