/**
 * The 签到卡 as a picture: one drawing, shared by the browser (a <canvas>) and WeChat (an
 * offscreen Canvas 2D), so the saved image is the same card on both. It only draws on the 2D
 * context it is given; loading the QR image and exporting the file are the caller's.
 */

/** What a card shows. */
export interface CardFace {
  name: string;
  communityName: string | null;
  /** The personal code (`LC…`), printed small for staff who type it instead of scanning. */
  code: string;
  /** Whose card it is, for a card that gets lost; left out when unknown. */
  stationName?: string | null;
}

export const CARD_TITLE = '邻里·签到卡';
export const CARD_HINT = '请出示此卡由工作人员扫码签到';
/** The hint on the drawn card, broken where a reader would pause rather than where it overflows. */
export const CARD_HINT_LINES = ['请出示此卡', '由工作人员扫码签到'] as const;

/**
 * An ID-1 card (a bank card, 85.6 × 54 mm) at 10 px per mm: about 250 dpi when printed at
 * size, enough for the QR's modules to stay sharp.
 */
export const CARD_WIDTH = 856;
export const CARD_HEIGHT = 540;

/** The part of a 2D context the drawing uses; `Image` is whatever the platform draws from. */
export type CardContext<Image> = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'imageSmoothingEnabled'
  | 'fillRect'
  | 'strokeRect'
  | 'fillText'
  | 'measureText'
> & { drawImage(image: Image, dx: number, dy: number, dw: number, dh: number): void };

// The app's theme (styles/_theme.scss), repeated here because a canvas cannot read CSS.
const COLORS = {
  band: '#c0501e',
  onBand: '#ffffff',
  paper: '#ffffff',
  edge: '#d9cbbd',
  text: '#2a2420',
  secondary: '#5c524a',
  muted: '#776c63',
};
const FONT_FAMILY = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
/** For the code: in a typeface like the screen's, I and l and 0 and O are told apart. */
const CODE_FONT_FAMILY = 'Menlo, Consolas, "DejaVu Sans Mono", monospace';

/** Where everything goes, in card pixels. */
export const CARD_LAYOUT = {
  margin: 40,
  bandHeight: 96,
  /** The QR: a square on the left, as large as the card's height allows. */
  qr: { x: 40, y: 124, size: 376 },
  /** The words, right of the QR. */
  text: { x: 452, width: 364 },
} as const;

/**
 * Sets the largest font from `size` down to `min` in which `text` fits `maxWidth`. Below `min`
 * the text is drawn at `min` and squeezed by fillText's own maxWidth instead.
 */
function fitFont<I>(
  ctx: CardContext<I>,
  text: string,
  weight: string,
  size: number,
  min: number,
  maxWidth: number,
  family = FONT_FAMILY,
) {
  let current = size;
  for (;;) {
    ctx.font = `${weight} ${current}px ${family}`;
    if (current <= min || ctx.measureText(text).width <= maxWidth) return current;
    current = Math.max(min, current - 2);
  }
}

function write<I>(ctx: CardContext<I>, text: string, x: number, y: number, maxWidth: number) {
  ctx.fillText(text, x, y, maxWidth);
}

/** Draws the whole card over the context's top-left CARD_WIDTH × CARD_HEIGHT pixels. */
export function drawCodeCard<I>(ctx: CardContext<I>, face: CardFace, qr: I): void {
  const { margin, bandHeight, qr: qrBox, text } = CARD_LAYOUT;

  ctx.fillStyle = COLORS.paper;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);

  ctx.fillStyle = COLORS.band;
  ctx.fillRect(0, 0, CARD_WIDTH, bandHeight);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillStyle = COLORS.onBand;
  const titleWidth = CARD_WIDTH / 2 - margin;
  fitFont(ctx, CARD_TITLE, 'bold', 44, 32, titleWidth);
  write(ctx, CARD_TITLE, margin, bandHeight / 2, titleWidth);
  if (face.stationName) {
    const stationWidth = CARD_WIDTH / 2 - margin - 16;
    ctx.textAlign = 'right';
    fitFont(ctx, face.stationName, 'normal', 26, 18, stationWidth);
    write(ctx, face.stationName, CARD_WIDTH - margin, bandHeight / 2, stationWidth);
    ctx.textAlign = 'left';
  }

  // A QR scaled up with smoothing turns its module edges grey; keep them sharp for the scanner.
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(qr, qrBox.x, qrBox.y, qrBox.size, qrBox.size);
  ctx.imageSmoothingEnabled = true;

  ctx.fillStyle = COLORS.text;
  fitFont(ctx, face.name, 'bold', 72, 40, text.width);
  write(ctx, face.name, text.x, 190, text.width);

  if (face.communityName) {
    ctx.fillStyle = COLORS.secondary;
    fitFont(ctx, face.communityName, 'normal', 38, 26, text.width);
    write(ctx, face.communityName, text.x, 268, text.width);
  }

  ctx.fillStyle = COLORS.text;
  CARD_HINT_LINES.forEach((line, index) => {
    fitFont(ctx, line, 'normal', 32, 24, text.width);
    write(ctx, line, text.x, 370 + index * 46, text.width);
  });

  ctx.fillStyle = COLORS.muted;
  fitFont(ctx, face.code, 'normal', 26, 18, text.width, CODE_FONT_FAMILY);
  write(ctx, face.code, text.x, CARD_HEIGHT - margin - 12, text.width);

  // A thin edge to cut along when the card is printed on a larger sheet.
  ctx.strokeStyle = COLORS.edge;
  ctx.lineWidth = 4;
  ctx.strokeRect(2, 2, CARD_WIDTH - 4, CARD_HEIGHT - 4);
}
