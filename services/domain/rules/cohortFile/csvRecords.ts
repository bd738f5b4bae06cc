import { createHash } from 'node:crypto';
import { parse, type Parser } from 'csv-parse';

/**
 * A cohort file's CSV (RFC 4180) records, read as its bytes arrive, through csv-parse's streaming
 * parser: chunks of any size go in (a quoted field may contain commas, doubled quotes and line
 * breaks, and may straddle chunks, as may a UTF-8 character), records come out through a
 * callback, so a 1,000,000-row cohort file is checked without holding every row. The SHA-256 is
 * of exactly the bytes received (byte-order mark and line ends included), the hash the case
 * records for the file.
 *
 * Records are numbered as a spreadsheet numbers rows: the first record (the header) is row 1.
 * A record csv-parse cannot read (a quote never closed) is a malformed row; a stray quote
 * inside a value is kept as part of the value, so the rows after it are still read as rows.
 */
export type RecordHandler = (fields: string[], row: number) => void;
export type MalformedHandler = (row: number) => void;

export interface BytesReceived {
  readonly sha256: string;
  readonly byteCount: number;
}

export class CsvRecordReader {
  private readonly hash = createHash('sha256');
  private byteCount = 0;
  private row = 0;
  private readonly parser: Parser;

  constructor(onRecord: RecordHandler, onMalformed: MalformedHandler) {
    this.parser = parse({
      bom: true, // a byte-order mark is not data
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true, // the cohort check reports a row of the wrong width itself
      relax_quotes: true,
      skip_empty_lines: false, // an empty row between people is reported
      skip_records_with_error: true,
      // Records are handled here, in file order, and none is passed downstream.
      on_record: (fields: string[]) => {
        this.row += 1;
        onRecord(fields, this.row);
        return null;
      },
      on_skip: () => {
        this.row += 1;
        onMalformed(this.row);
        return undefined;
      },
    });
    this.parser.resume();
  }

  /** Reads the next chunk: bytes as received, or text (hashed as its UTF-8 bytes). */
  push(chunk: Buffer | string): Promise<void> {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(bytes);
    this.byteCount += bytes.length;
    return new Promise((resolve, reject) => {
      this.parser.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Reads a last record that has no line break after it; what was received, as a hash. */
  async end(): Promise<BytesReceived> {
    await new Promise<void>((resolve, reject) => {
      this.parser.once('error', reject);
      this.parser.end(() => resolve());
    });
    return { sha256: this.hash.digest('hex'), byteCount: this.byteCount };
  }
}
