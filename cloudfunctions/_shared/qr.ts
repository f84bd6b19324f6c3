import QRCode from 'qrcode';

/** A plain QR code of `text` as base64 PNG: for codes staff scan with the camera (personal codes). */
export async function qrPngBase64(text: string): Promise<string> {
  return (await QRCode.toBuffer(text, { type: 'png', margin: 2, scale: 6, errorCorrectionLevel: 'M' })).toString(
    'base64',
  );
}
