/**
 * Reads QR codes from the device camera: the browser's BarcodeDetector where it has one
 * (Chrome on Android, most desk tablets), otherwise jsQR, loaded only then.
 */
type Detect = (source: HTMLVideoElement, canvas: HTMLCanvasElement) => Promise<string | null>;

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

async function detector(): Promise<Detect> {
  const Native = (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats?.())?.includes('qr_code')) {
    const native = new Native({ formats: ['qr_code'] });
    return async (video) => (await native.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  return async (video, canvas) => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) return null;
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(video, 0, 0, width, height);
    return jsQR(context.getImageData(0, 0, width, height).data, width, height)?.data ?? null;
  };
}

/** Starts the camera into `video` and calls `onCode` with each new code read; returns a stop function. */
export async function startScanner(video: HTMLVideoElement, onCode: (text: string) => void): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  video.srcObject = stream;
  await video.play();
  const detect = await detector();
  const canvas = document.createElement('canvas');
  let running = true;
  let last = '';
  const tick = async () => {
    if (!running) return;
    try {
      const text = await detect(video, canvas);
      if (text && text !== last) {
        last = text;
        onCode(text);
      }
    } catch {
      // A frame that cannot be read: try the next one.
    }
    setTimeout(() => void tick(), 250);
  };
  void tick();
  return () => {
    running = false;
    for (const track of stream.getTracks()) track.stop();
  };
}

/** The code's token from what a QR holds (https://…/c/<token>) or from a typed token. */
export function tokenOf(text: string): string | null {
  const trimmed = text.trim();
  const fromUrl = trimmed.match(/\/c\/([1-9A-HJ-NP-Za-km-z]{10,40})(?:[/?#]|$)/)?.[1];
  if (fromUrl) return fromUrl;
  return /^[1-9A-HJ-NP-Za-km-z]{10,40}$/.test(trimmed) ? trimmed : null;
}
