import zlib from 'node:zlib';

/**
 * The two icons a Teams app package must hold, drawn in code so the package needs no image files
 * and every build produces the same bytes. The picture is a document with a folded corner and
 * lines of text: a data access request.
 *
 * Teams' rules: the colour icon is 192×192, full colour; the outline icon is 32×32 and only white
 * on a transparent background (Teams tints it), so it is drawn with fully opaque white or fully
 * transparent pixels and nothing in between.
 */

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** NHS blue, from the NHS identity guidelines; also the manifest's accentColor. */
export const NHS_BLUE = '#005EB8';

type Rgba = readonly [number, number, number, number];

const WHITE: Rgba = [255, 255, 255, 255];
const NHS_BLUE_RGBA: Rgba = hexToRgba(NHS_BLUE);
/** NHS "pale blue" family tint, for the folded corner's shadow side. */
const FOLD_TINT: Rgba = [174, 206, 236, 255];

/** The document's geometry in unit coordinates (0..1 across the icon), shared by both icons. */
const page = { left: 0.25, right: 0.75, top: 0.16, bottom: 0.84, fold: 0.17 } as const;
/** Text lines on the page: vertical band and how far right each line runs. */
const textLines = [
  { top: 0.43, bottom: 0.49, right: 0.65 },
  { top: 0.56, bottom: 0.62, right: 0.65 },
  { top: 0.69, bottom: 0.75, right: 0.55 },
] as const;
const textLeft = 0.35;

/** The 192×192 full-colour icon: a white page on NHS blue. */
export function colorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const canvas = new Canvas(size, size);
  canvas.fill(() => true, NHS_BLUE_RGBA);
  canvas.fill((u, v) => onPage(u, v, 0), WHITE);
  canvas.fill(inFold, FOLD_TINT);
  canvas.fill(onTextLine, NHS_BLUE_RGBA);
  return canvas.toPng();
}

/** The 32×32 outline icon: the page's border, fold and text lines in white on transparent. */
export function outlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const stroke = 2 / size; // two pixels: one-pixel lines vanish when Teams scales the icon down
  const canvas = new Canvas(size, size);
  canvas.fill((u, v) => onPage(u, v, 0) && !onPage(u, v, stroke), WHITE);
  canvas.fill((u, v) => onFoldEdge(u, v, stroke), WHITE);
  canvas.fill(onTextLine, WHITE);
  return canvas.toPng();
}

/**
 * Inside the page shrunk by `inset` on every side. The folded corner is cut off along the
 * diagonal u − v = right − fold − top; shrinking moves that diagonal in by inset·√2.
 */
function onPage(u: number, v: number, inset: number): boolean {
  const { left, right, top, bottom, fold } = page;
  return (
    u >= left + inset &&
    u <= right - inset &&
    v >= top + inset &&
    v <= bottom - inset &&
    u - v <= right - fold - top - inset * Math.SQRT2
  );
}

/** The triangle of the page turned down at the top right corner. */
function inFold(u: number, v: number): boolean {
  const { right, top, fold } = page;
  return u >= right - fold && v <= top + fold && u - v <= right - fold - top;
}

/** The two straight edges of the fold (the diagonal edge is part of the page border). */
function onFoldEdge(u: number, v: number, stroke: number): boolean {
  const { right, top, fold } = page;
  const x = right - fold;
  const y = top + fold;
  const vertical = u >= x && u <= x + stroke && v >= top && v <= y;
  const horizontal = v >= y - stroke && v <= y && u >= x && u <= right;
  return vertical || horizontal;
}

function onTextLine(u: number, v: number): boolean {
  return textLines.some((line) => u >= textLeft && u <= line.right && v >= line.top && v <= line.bottom);
}

/** An RGBA raster that shapes are painted onto by testing each pixel's centre. */
class Canvas {
  private readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4); // starts fully transparent
  }

  /** Paints `color` wherever `shape` holds for the pixel centre, in unit coordinates. */
  fill(shape: (u: number, v: number) => boolean, color: Rgba): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        if (shape((x + 0.5) / this.width, (y + 0.5) / this.height)) {
          this.pixels.set(color, (y * this.width + x) * 4);
        }
      }
    }
  }

  toPng(): Buffer {
    return encodePng(this.width, this.height, this.pixels);
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A minimal PNG encoder: 8-bit RGBA (colour type 6), no interlace, filter type 0 on every row.
 * Good enough for icons this small; zlib does the compression and `zlib.crc32` (Node ≥ 20.15,
 * which `engines` guarantees) the chunk checksums.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const rowBytes = width * 4;
  if (rgba.length !== rowBytes * height) {
    throw new RangeError(`expected ${rowBytes * height} bytes of RGBA for ${width}×${height}, got ${rgba.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace

  // Each scanline is prefixed with its filter type; 0 (None) keeps the encoder trivial.
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (rowBytes + 1)] = 0;
    raw.set(rgba.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  }

  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData), 0); // the CRC covers type and data, not length
  return Buffer.concat([length, typeAndData, crc]);
}

function hexToRgba(hex: string): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, 255];
}
