/**
 * Reads QR codes from the device camera: the browser's own BarcodeDetector where it has one
 * (Chromium on Android and desktop), else jsQR on frames drawn to a canvas (Firefox, Safari). The
 * decoder is loaded only when the camera is first opened.
 */

interface DetectedBarcode {
  rawValue: string;
}

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

type Decoder = (video: HTMLVideoElement) => Promise<string | null>;

/** How often a frame is read: often enough to feel instant, rarely enough to spare a phone's battery. */
const FRAME_MS = 200;
/** The same code read again within this time is the same ticket still held up to the camera. */
const REPEAT_MS = 4000;

async function nativeDecoder(): Promise<Decoder | null> {
  const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
  } catch {
    return null;
  }
  const detector = new Detector({ formats: ['qr_code'] });
  return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
}

type DecodeQr = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: 'dontInvert' }) => { data: string } | null;

async function jsqrDecoder(): Promise<Decoder> {
  // jsqr is CommonJS whose typings declare an ES default export; bundlers hand over either shape.
  const loaded = (await import('jsqr')) as unknown as { default: DecodeQr | { default: DecodeQr } };
  const jsQR = typeof loaded.default === 'function' ? loaded.default : loaded.default.default;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return (video) => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!context || width === 0 || height === 0) return Promise.resolve(null);
    canvas.width = width;
    canvas.height = height;
    context.drawImage(video, 0, 0, width, height);
    const image = context.getImageData(0, 0, width, height);
    return Promise.resolve(jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null);
  };
}

export interface Scanner {
  stop(): void;
}

/** Whether this browser can open a camera at all (it needs a secure page: HTTPS or localhost). */
export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia && window.isSecureContext;
}

/**
 * Opens the back camera into `video` and calls `onCode` with each QR code read (a code held in
 * front of the camera is reported once). Throws when the camera cannot be opened or is refused.
 */
export async function startScanner(video: HTMLVideoElement, onCode: (text: string) => void): Promise<Scanner> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
  let stopped = false;
  let timer: number | undefined;
  const stop = () => {
    stopped = true;
    if (timer !== undefined) window.clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  try {
    video.srcObject = stream;
    video.setAttribute('playsinline', 'true');
    video.muted = true;
    await video.play();
    const decode = (await nativeDecoder()) ?? (await jsqrDecoder());
    let last = { text: '', at: 0 };
    const frame = async () => {
      if (stopped) return;
      try {
        const text = await decode(video);
        const now = Date.now();
        if (text && (text !== last.text || now - last.at > REPEAT_MS)) {
          last = { text, at: now };
          onCode(text);
        } else if (text) {
          last.at = now;
        }
      } catch {
        // A frame that cannot be read (the camera is still starting) is skipped.
      }
      if (!stopped) timer = window.setTimeout(() => void frame(), FRAME_MS);
    };
    void frame();
  } catch (error) {
    stop();
    throw error;
  }
  return { stop };
}
