import JSZip from 'jszip';

/**
 * What a file is, judged by its content rather than its name: a letter named ".pdf" must be a
 * PDF. The name says what the sender claims; the first bytes (and, for DOCX, the zip's own
 * parts) say what it is. Only the types DARS's reviewers open are accepted.
 */
export const acceptedFileTypes = ['pdf', 'docx', 'png', 'jpeg', 'csv'] as const;
export type AcceptedFileType = (typeof acceptedFileTypes)[number];

export const fileTypeNames: Readonly<Record<AcceptedFileType, string>> = {
  pdf: 'a PDF', docx: 'a Word document (DOCX)', png: 'a PNG image', jpeg: 'a JPEG image', csv: 'a CSV file',
};

export const contentTypes: Readonly<Record<AcceptedFileType, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpeg: 'image/jpeg',
  csv: 'text/csv',
};

/** The type a file name claims, from its extension. */
export function claimedFileType(fileName: string): AcceptedFileType | undefined {
  const extension = /\.([A-Za-z]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  switch (extension) {
    case 'pdf': return 'pdf';
    case 'docx': return 'docx';
    case 'png': return 'png';
    case 'jpg': case 'jpeg': return 'jpeg';
    case 'csv': return 'csv';
    default: return undefined;
  }
}

const startsWith = (bytes: Buffer, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/** Whether the bytes really are a file of this type. */
export async function contentIs(type: AcceptedFileType, bytes: Buffer): Promise<boolean> {
  switch (type) {
    case 'pdf': return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]); // "%PDF-"
    case 'png': return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg': return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'docx': return isWordDocument(bytes);
    case 'csv': return isText(bytes);
  }
}

/** A DOCX is a zip (PK\x03\x04) holding word/document.xml; other zips (XLSX, plain archives) are not. */
async function isWordDocument(bytes: Buffer): Promise<boolean> {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
  try {
    const zip = await JSZip.loadAsync(bytes);
    return zip.file('word/document.xml') !== null;
  } catch {
    return false;
  }
}

/** CSV is text: valid UTF-8 with no control characters other than tab and line breaks. */
function isText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  if (text.trim().length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return true;
}
