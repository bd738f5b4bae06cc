import PDFDocument from 'pdfkit';

/**
 * A small writer for documents people sign: numbered headings, paragraphs, labelled facts,
 * lists and blocks kept on one page, with a footer on every page. It hides pdfkit's cursor and
 * page handling and makes the output deterministic: a fixed creation date (pdfkit otherwise
 * stamps "now", and derives the file ID from it), no compression (so the bytes do not depend on
 * the zlib build), and only the standard PDF fonts (nothing embedded, nothing random).
 */

const regular = 'Helvetica';
const bold = 'Helvetica-Bold';
const margin = 56; // 2 cm
const nhsBlue = '#005EB8';

export interface PdfWriterOptions {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  /** The document's fixed date: the same case must always give the same bytes. */
  readonly createdAt: Date;
}

export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;

  constructor(options: PdfWriterOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin,
      compress: false,
      bufferPages: true,
      lang: 'en-GB',
      displayTitle: true,
      info: {
        Title: printable(options.title),
        Subject: printable(options.subject),
        Author: printable(options.author),
        Creator: 'DARS Bot',
        Producer: 'DARS Bot (PDFKit)',
        CreationDate: options.createdAt,
        ModDate: options.createdAt,
      },
    });
    this.finished = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font(regular).fontSize(10).fillColor('black');
  }

  title(text: string, subtitle: string): this {
    this.doc.font(bold).fontSize(20).fillColor(nhsBlue).text(printable(text));
    this.doc.font(regular).fontSize(11).fillColor('black').text(printable(subtitle)).moveDown(1);
    return this;
  }

  heading(text: string): this {
    this.keepSpace(60);
    this.doc.moveDown(0.6).font(bold).fontSize(13).fillColor(nhsBlue).text(printable(text)).fillColor('black').moveDown(0.3);
    this.doc.font(regular).fontSize(10);
    return this;
  }

  subheading(text: string): this {
    this.keepSpace(40);
    this.doc.moveDown(0.3).font(bold).fontSize(10.5).text(printable(text)).font(regular).fontSize(10);
    return this;
  }

  paragraph(text: string): this {
    this.doc.font(regular).fontSize(10).text(printable(text), { align: 'left' }).moveDown(0.4);
    return this;
  }

  /** "Label: value", the label in bold; skipped when there is no value. */
  fact(label: string, value: string | undefined): this {
    if (value === undefined || value.trim() === '') return this;
    this.doc.font(bold).fontSize(10).text(`${printable(label)}: `, { continued: true }).font(regular).text(printable(value));
    this.doc.moveDown(0.2);
    return this;
  }

  list(items: readonly string[], options: { numbered?: boolean } = {}): this {
    items.forEach((item, index) => {
      const marker = options.numbered ? `${index + 1}.` : '-';
      this.doc.font(regular).fontSize(10).text(`${marker} ${printable(item)}`, { indent: 12 });
      this.doc.moveDown(0.15);
    });
    this.doc.moveDown(0.3);
    return this;
  }

  /** Starts a new page (e.g. the signature page of a signed document of record). */
  newPage(): this {
    this.doc.addPage();
    return this;
  }

  /** Starts a new page unless `height` points are left on this one (signature blocks stay whole). */
  keepSpace(height: number): this {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
    return this;
  }

  /** A box with ruled lines to sign on. */
  signatureBlock(party: string, lines: readonly (readonly [string, string])[]): this {
    const height = 28 + lines.length * 24;
    this.keepSpace(height + 12);
    const top = this.doc.y;
    const width = this.doc.page.width - 2 * margin;
    this.doc.rect(margin, top, width, height).lineWidth(0.75).strokeColor('#425563').stroke();
    this.doc.font(bold).fontSize(10.5).text(printable(party), margin + 10, top + 8, { width: width - 20 });
    lines.forEach(([label, value], index) => {
      const y = top + 28 + index * 24;
      this.doc.font(regular).fontSize(10).text(`${printable(label)}:`, margin + 10, y, { width: 120 });
      this.doc.text(printable(value), margin + 130, y, { width: width - 140 });
      this.doc.moveTo(margin + 130, y + 13).lineTo(margin + width - 10, y + 13).lineWidth(0.5).stroke();
    });
    this.doc.x = margin;
    this.doc.y = top + height + 12;
    return this;
  }

  /** Writes the footer on every page and returns the finished PDF. */
  async finish(footer: (page: number, pages: number) => string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      this.doc.switchToPage(index);
      const page = this.doc.page;
      // Writing below the bottom margin would make pdfkit start a new page; lift it for the footer.
      const bottom = page.margins.bottom;
      page.margins.bottom = 0;
      this.doc.font(regular).fontSize(8).fillColor('#425563')
        .text(printable(footer(index - start + 1, count)), margin, page.height - margin + 20, { width: page.width - 2 * margin, align: 'center', lineBreak: false });
      page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.finished;
  }
}

/**
 * The standard PDF fonts only have the Windows-1252 characters. Anything else is written as its
 * closest unaccented letter (ŵ → w) or "?", rather than as the wrong glyph; the case record keeps
 * the exact text.
 */
const windows1252Extras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function printable(text: string): string {
  let result = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0)!;
    if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || windows1252Extras.has(char)) {
      result += char;
      continue;
    }
    const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    result += base.length > 0 && [...base].every((c) => c.codePointAt(0)! < 0x100) ? base : '?';
  }
  return result;
}
