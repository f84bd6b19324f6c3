import type { CardContext } from '@/services/card-drawing';

/** One drawing call with the context's state at that moment. */
export type Op =
  | { op: 'fillRect' | 'strokeRect'; x: number; y: number; w: number; h: number; fillStyle: unknown }
  | {
      op: 'fillText';
      text: string;
      x: number;
      y: number;
      maxWidth?: number;
      font: string;
      fillStyle: unknown;
      textAlign: string;
    }
  | { op: 'drawImage'; image: unknown; x: number; y: number; w: number; h: number; smoothing: boolean };

/** The px size in a canvas font string (`bold 72px "PingFang SC", …`). */
export const fontSize = (font: string): number => Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? NaN);

/**
 * A 2D context that records what is drawn. Text measures one font size per character, about
 * what a CJK font does, so fitting can be checked without a real canvas (jsdom has none).
 */
export function recordingContext<Image>(): CardContext<Image> & { ops: Op[] } {
  const ops: Op[] = [];
  const ctx = {
    ops,
    fillStyle: '#000' as unknown,
    strokeStyle: '#000' as unknown,
    lineWidth: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    imageSmoothingEnabled: true,
    fillRect(x: number, y: number, w: number, h: number) {
      ops.push({ op: 'fillRect', x, y, w, h, fillStyle: ctx.fillStyle });
    },
    strokeRect(x: number, y: number, w: number, h: number) {
      ops.push({ op: 'strokeRect', x, y, w, h, fillStyle: ctx.strokeStyle });
    },
    fillText(text: string, x: number, y: number, maxWidth?: number) {
      ops.push({
        op: 'fillText',
        text,
        x,
        y,
        maxWidth,
        font: ctx.font,
        fillStyle: ctx.fillStyle,
        textAlign: ctx.textAlign,
      });
    },
    measureText(text: string) {
      return { width: Array.from(text).length * fontSize(ctx.font) } as TextMetrics;
    },
    drawImage(image: Image, x: number, y: number, w: number, h: number) {
      ops.push({ op: 'drawImage', image, x, y, w, h, smoothing: ctx.imageSmoothingEnabled });
    },
  };
  return ctx as unknown as CardContext<Image> & { ops: Op[] };
}

export const texts = (ops: Op[]) => ops.flatMap((op) => (op.op === 'fillText' ? [op] : []));
