import Taro from '@tarojs/taro';
import { CARD_HEIGHT, CARD_WIDTH, drawCodeCard, type CardContext, type CardFace } from './card-drawing';
import { isH5 } from './platform';

/**
 * 保存图片 for a 签到卡: the card drawn as a PNG (services/card-drawing) and handed to the person.
 * H5: a browser download, to print or send from a computer. WeChat: saved to the phone's
 * album, from where it can be printed or shown at the door.
 */
export type SavedCard = 'downloaded' | 'saved';

/** A failure the page can show as it is. */
export class CardImageError extends Error {}

export async function saveCardImage(face: CardFace, qrBase64: string): Promise<SavedCard> {
  if (isH5()) {
    await downloadInBrowser(face, qrBase64);
    return 'downloaded';
  }
  await saveToAlbum(face, qrBase64);
  return 'saved';
}

/** `签到卡-张阿姨.png`, without characters a file system refuses. */
export function cardFileName(name: string): string {
  return `签到卡-${Array.from(name, (ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('')}.png`;
}

function loadBrowserImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new CardImageError('二维码图片加载失败，请重试'));
    image.src = src;
  });
}

async function downloadInBrowser(face: CardFace, qrBase64: string): Promise<void> {
  const canvas = document.createElement('canvas');
  canvas.width = CARD_WIDTH;
  canvas.height = CARD_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new CardImageError('这个浏览器不能生成图片，请用「打印」');
  drawCodeCard(context, face, await loadBrowserImage(`data:image/png;base64,${qrBase64}`));
  const link = document.createElement('a');
  link.href = canvas.toDataURL('image/png');
  link.download = cardFileName(face.name);
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** WeChat's callback APIs as promises that reject with their errMsg. */
function writeBase64File(filePath: string, base64: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
}

function loadCanvasImage(canvas: Taro.OffscreenCanvas, src: string): Promise<Taro.Image> {
  return new Promise((resolve, reject) => {
    const image = canvas.createImage();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new CardImageError('二维码图片加载失败，请重试'));
    image.src = src;
  });
}

async function saveToAlbum(face: CardFace, qrBase64: string): Promise<void> {
  // A canvas image loads from a file more reliably than from a data URL on older WeChat.
  const qrPath = `${Taro.env.USER_DATA_PATH}/card-qr.png`;
  await writeBase64File(qrPath, qrBase64);
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: CARD_WIDTH, height: CARD_HEIGHT });
  const context = canvas.getContext('2d') as unknown as CardContext<Taro.Image>;
  drawCodeCard(context, face, await loadCanvasImage(canvas, qrPath));
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.Canvas,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    destWidth: CARD_WIDTH,
    destHeight: CARD_HEIGHT,
    fileType: 'png',
  });
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
  } catch (error) {
    const message = (error as { errMsg?: string }).errMsg ?? '';
    if (/auth|deny|denied/i.test(message)) {
      throw new CardImageError('没有相册权限：请点右上角「···」→「设置」，允许保存到相册后再试');
    }
    if (/cancel/i.test(message)) throw new CardImageError('已取消保存');
    throw new CardImageError('保存失败，请稍后重试');
  }
}
