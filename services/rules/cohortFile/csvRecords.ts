/**
 * An incremental CSV (RFC 4180) record splitter: text goes in as chunks of any size, records come
 * out through a callback, so a 1,000,000-row cohort file is checked without holding every row.
 * Lines without a quote take a fast path (a plain split); quoted fields may contain commas,
 * doubled quotes and line breaks, and may straddle chunk boundaries.
 *
 * Records are numbered as a spreadsheet numbers rows: the first record (the header) is row 1.
 */
export type RecordHandler = (fields: string[], row: number) => void;
export type MalformedHandler = (row: number) => void;

type QuotedParse = { fields: string[]; next: number; malformed: boolean } | null;

export class CsvRecordReader {
  private buffer = '';
  private row = 0;
  private started = false;

  constructor(private readonly onRecord: RecordHandler, private readonly onMalformed: MalformedHandler) {}

  push(chunk: string): void {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1); // a byte-order mark is not data
    }
    this.buffer = this.buffer.length > 0 ? this.buffer + chunk : chunk;
    this.drain(false);
  }

  /** Flushes a last record that has no line break after it. */
  end(): void {
    this.drain(true);
    this.buffer = '';
  }

  private drain(final: boolean): void {
    const buffer = this.buffer;
    let pos = 0;
    let quoteAt = buffer.indexOf('"');
    while (pos < buffer.length) {
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = buffer.indexOf('"', pos);
      const newline = buffer.indexOf('\n', pos);
      if (newline === -1 && !final) break;
      const lineEnd = newline === -1 ? buffer.length : newline;
      if (quoteAt === -1 || quoteAt > lineEnd) {
        const line = buffer.charCodeAt(lineEnd - 1) === 13 ? buffer.slice(pos, lineEnd - 1) : buffer.slice(pos, lineEnd);
        this.row += 1;
        this.onRecord(line.split(','), this.row);
        pos = lineEnd + 1;
        continue;
      }
      const parsed = parseQuotedRecord(buffer, pos, final);
      if (parsed === null) break; // the record continues in the next chunk
      this.row += 1;
      if (parsed.malformed) this.onMalformed(this.row);
      else this.onRecord(parsed.fields, this.row);
      pos = parsed.next;
    }
    this.buffer = pos >= buffer.length ? '' : buffer.slice(pos);
  }
}

/** Parses one record that contains a quote; null when it is not complete in the buffer yet. */
function parseQuotedRecord(buffer: string, start: number, final: boolean): QuotedParse {
  const fields: string[] = [];
  let malformed = false;
  let i = start;
  for (;;) {
    let field = '';
    if (buffer[i] === '"') {
      i += 1;
      for (;;) {
        const close = buffer.indexOf('"', i);
        if (close === -1) {
          if (!final) return null;
          return { fields, next: buffer.length, malformed: true }; // the quote is never closed
        }
        field += buffer.slice(i, close);
        if (close + 1 >= buffer.length && !final) return null; // might be an escaped "" across chunks
        if (buffer[close + 1] === '"') {
          field += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const after = buffer[i];
      if (after !== undefined && after !== ',' && after !== '\n' && !(after === '\r' && buffer[i + 1] === '\n')) malformed = true;
    }
    const comma = buffer.indexOf(',', i);
    const newline = buffer.indexOf('\n', i);
    if (newline === -1 && !final) return null;
    const fieldEnd = newline === -1 ? buffer.length : newline;
    if (comma !== -1 && comma < fieldEnd) {
      field += buffer.slice(i, comma);
      fields.push(field);
      i = comma + 1;
      continue;
    }
    let rest = buffer.slice(i, fieldEnd);
    if (rest.endsWith('\r')) rest = rest.slice(0, -1);
    fields.push(field + rest);
    return { fields, next: fieldEnd + 1, malformed };
  }
}
