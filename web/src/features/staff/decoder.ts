// QR decoding for the camera: the browser's own BarcodeDetector where it reads QR codes (Android,
// macOS), else the maintained zxing-wasm ponyfill with its .wasm served by us (never a CDN). This
// module is only imported by the camera component of the scan screen, so nobody else loads it.

export interface QrDecoder {
  detect(source: HTMLVideoElement): Promise<string[]>;
  native: boolean;
}

interface NativeDetector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

export async function createQrDecoder(): Promise<QrDecoder> {
  const Native = (window as unknown as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (Native) {
    try {
      if ((await Native.getSupportedFormats()).includes('qr_code')) {
        const detector = new Native({ formats: ['qr_code'] });
        return { native: true, detect: async (video) => (await detector.detect(video)).map((b) => b.rawValue) };
      }
    } catch {
      /* fall through to the ponyfill */
    }
  }
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    fireImmediately: true,
  });
  const detector = new BarcodeDetector({ formats: ['qr_code'] });
  return { native: false, detect: async (video) => (await detector.detect(video)).map((b) => b.rawValue) };
}

/**
 * Whether a code the camera sees is a new scan: a code that stays in view is judged once; the same
 * code counts again only after it was out of sight for `gapMs` (the member showed it a second time).
 */
export function createRepeatFilter(gapMs = 3000) {
  let last: string | null = null;
  let lastSeen = 0;
  return (value: string, now: number): boolean => {
    const fresh = value !== last || now - lastSeen > gapMs;
    last = value;
    lastSeen = now;
    return fresh;
  };
}
