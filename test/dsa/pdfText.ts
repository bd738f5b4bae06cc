/**
 * The text of an uncompressed PDF written with the standard fonts, line by line: pdfkit writes
 * each line as one TJ array of hex strings (Windows-1252 codes) with kerning numbers between
 * them. Enough to check what the DSA says without a PDF library.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/gi)) {
    const hexStrings = [...match[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((part) => part[1]!);
    lines.push(decodeWindows1252(Buffer.from(hexStrings.join(''), 'hex')));
  }
  return lines;
}

/** All the text, lines joined by spaces (a fact split over two lines still reads whole). */
export function pdfText(pdf: Buffer): string {
  return pdfTextLines(pdf).map((line) => line.trim()).join(' ').replace(/\s+/g, ' ');
}

// Node's TextDecoder without full ICU reads windows-1252 as Latin-1; the 0x80–0x9F block differs.
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80] : String.fromCharCode(byte);
  return text;
}
