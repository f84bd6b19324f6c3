import {
  CARD_HEIGHT,
  CARD_HINT,
  CARD_HINT_LINES,
  CARD_LAYOUT,
  CARD_TITLE,
  CARD_WIDTH,
  drawCodeCard,
  type CardFace,
} from '@/services/card-drawing';
import { fontSize, recordingContext, texts } from './fake-canvas';

/** The 签到卡 drawing, shared by the browser's canvas and WeChat's: checked on a recording context. */
const face: CardFace = {
  name: '张阿姨',
  communityName: '光复社区',
  code: 'LCAB12CD34EF',
  stationName: '岭南街社工服务站',
};
const QR = { qr: 'image' };

function draw(overrides: Partial<CardFace> = {}) {
  const ctx = recordingContext<typeof QR>();
  drawCodeCard(ctx, { ...face, ...overrides }, QR);
  return ctx.ops;
}

describe('签到卡 drawing', () => {
  it('draws the title, station, name, community, hint and code', () => {
    const words = texts(draw()).map((op) => op.text);
    expect(words).toEqual([CARD_TITLE, '岭南街社工服务站', '张阿姨', '光复社区', ...CARD_HINT_LINES, 'LCAB12CD34EF']);
    // The drawn hint is the on-screen hint, broken in two.
    expect(CARD_HINT_LINES.join('')).toBe(CARD_HINT);
  });

  it('starts from a white card of ID-1 proportions', () => {
    const [background] = draw();
    expect(background).toEqual({ op: 'fillRect', x: 0, y: 0, w: CARD_WIDTH, h: CARD_HEIGHT, fillStyle: '#ffffff' });
    expect(CARD_WIDTH / CARD_HEIGHT).toBeCloseTo(85.6 / 54, 2);
  });

  it('draws the QR large, square and unsmoothed, so a scanner reads it', () => {
    const images = draw().filter((op) => op.op === 'drawImage');
    expect(images).toEqual([{ op: 'drawImage', image: QR, ...box(CARD_LAYOUT.qr), smoothing: false }]);
    expect(CARD_LAYOUT.qr.size).toBeGreaterThanOrEqual(CARD_HEIGHT * 0.65);
  });

  it('keeps every word on the card and clear of the QR', () => {
    const qrRight = CARD_LAYOUT.qr.x + CARD_LAYOUT.qr.size;
    for (const op of texts(draw())) {
      const width = Array.from(op.text).length * fontSize(op.font);
      const left = op.textAlign === 'right' ? op.x - width : op.x;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + Math.min(width, op.maxWidth ?? width)).toBeLessThanOrEqual(CARD_WIDTH);
      expect(op.y).toBeGreaterThan(0);
      expect(op.y).toBeLessThan(CARD_HEIGHT);
      if (op.y > CARD_LAYOUT.bandHeight) expect(left).toBeGreaterThan(qrRight);
    }
  });

  it('writes a short name large and shrinks a long one to fit its column', () => {
    const nameOp = (name: string) => texts(draw({ name })).find((op) => op.text === name)!;
    expect(fontSize(nameOp('张阿姨').font)).toBe(72);
    const long = nameOp('欧阳娜娜娜娜娜娜');
    expect(fontSize(long.font)).toBeLessThan(72);
    expect(Array.from(long.text).length * fontSize(long.font)).toBeLessThanOrEqual(CARD_LAYOUT.text.width);
  });

  it('leaves out what it does not know rather than printing "null"', () => {
    const words = texts(draw({ communityName: null, stationName: null })).map((op) => op.text);
    expect(words).toEqual([CARD_TITLE, '张阿姨', ...CARD_HINT_LINES, 'LCAB12CD34EF']);
  });
});

function box({ x, y, size }: { x: number; y: number; size: number }) {
  return { x, y, w: size, h: size };
}
