/** Who may attach an uploaded file: only its uploader, by the folder the file id names. */
import { parseUploadFileId, uploadCloudPath, uploadedFileIdSchema } from '@linli/types/files';
import { checkUpload, isOwnUpload } from '../../../cloudfunctions/_shared/domain/uploads';
import { AppError } from '../../../cloudfunctions/_shared/runtime/app-error';
import { assertOwnUpload } from '../../../cloudfunctions/_shared/runtime/uploads';

const ME = 'oDemoVolunteer1';
const WECHAT_ENV = 'linli-prod-1a2b.6c69-linli-prod-1a2b-1300000000';
const mine = `cloud://${WECHAT_ENV}/${uploadCloudPath(ME, 'lq2x9k3abc', 'jpg')}`;
const local = `cloud://local/${uploadCloudPath(ME, 'AbCdEfGhIjKlMnOpQrStUv', 'png')}`;

it('accepts the caller’s own uploads, in the cloud and locally', () => {
  expect(checkUpload(mine, ME)).toBe('own');
  expect(checkUpload(local, ME)).toBe('own');
  expect(parseUploadFileId(mine)).toEqual({ env: WECHAT_ENV, owner: ME, name: 'lq2x9k3abc', extension: 'jpg' });
});

it("refuses someone else's upload, compared exactly", () => {
  expect(checkUpload(mine, 'oDemoResident01')).toBe('someone_elses');
  expect(checkUpload(mine, 'odemovolunteer1')).toBe('someone_elses');
  expect(checkUpload(mine, `${ME}x`)).toBe('someone_elses');
  expect(checkUpload(mine, '')).toBe('someone_elses');
  expect(isOwnUpload(mine, 'oDemoResident01')).toBe(false);
});

it('refuses what is not an upload: other folders, links, tricks with the path', () => {
  for (const fileId of [
    'https://example.com/x.jpg',
    `cloud://${WECHAT_ENV}/hours/photo-1.jpg`,
    `cloud://${WECHAT_ENV}/${ME}/lq2x9k3abc.jpg`,
    `cloud://${WECHAT_ENV}/uploads/${ME}/../oDemoResident01/lq2x9k3abc.jpg`,
    `cloud://${WECHAT_ENV}/uploads/oDemoResident01/${ME}/lq2x9k3abc.jpg`,
    `cloud://${WECHAT_ENV}/uploads/${ME}/lq2x9k3abc.gif`,
    `cloud://${WECHAT_ENV}/uploads/${ME}/short.jpg`,
    `cloud://${WECHAT_ENV}/uploads/${ME}/lq2x9k3abc.jpg?x=1`,
    `${mine}\n`,
    `cloud:///uploads/${ME}/lq2x9k3abc.jpg`,
    '',
  ]) {
    expect([fileId, checkUpload(fileId, ME)]).toEqual([fileId, 'not_an_upload']);
    expect(uploadedFileIdSchema.safeParse(fileId).success).toBe(false);
  }
  expect(uploadedFileIdSchema.safeParse(mine).success).toBe(true);
});

describe('assertOwnUpload', () => {
  it('passes the caller’s own upload', () => {
    expect(() => assertOwnUpload(mine, ME)).not.toThrow();
  });

  it('answers INVALID_INPUT on the field, with words a person can act on', () => {
    const refusal = (fileId: string, field?: string): AppError => {
      try {
        assertOwnUpload(fileId, ME, field);
      } catch (error) {
        return error as AppError;
      }
      throw new Error('accepted');
    };
    expect(refusal(mine.replace(ME, 'oDemoResident01'), 'photoFileIds.1')).toMatchObject({
      code: 'INVALID_INPUT',
      message: '照片上传未完成，请重新选择照片',
      fields: [{ path: 'photoFileIds.1', message: '只能附上自己上传的照片' }],
    });
    expect(refusal('https://example.com/x.jpg')).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'photoFileId', message: '不是已上传的照片' }],
    });
  });
});
