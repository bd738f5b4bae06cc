import type { AttachmentFetcher } from '../../dialogs/desks';

/**
 * Downloads a file a person attached in the 1:1 chat. Teams gives a short-lived, pre-authorised
 * `downloadUrl` (the app declares `supportsFiles`), so no token is needed.
 */
const maximumBytes = 200 * 1024 * 1024;

export class HttpAttachmentFetcher implements AttachmentFetcher {
  async fetchText(downloadUrl: string): Promise<string> {
    const bytes = await this.fetchBytes(downloadUrl, maximumBytes);
    if (bytes === 'tooLarge') throw new Error('the file is larger than 200 MB');
    return bytes.toString('utf8');
  }

  /**
   * The file's bytes, or 'tooLarge' as soon as it is known to be over `maxBytes`: from the
   * declared length when there is one, else while reading, so an oversized file is never held whole.
   */
  async fetchBytes(downloadUrl: string, maxBytes: number): Promise<Buffer | 'tooLarge'> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 120_000);
    try {
      const response = await fetch(downloadUrl, { signal: controller.signal });
      if (!response.ok) throw new Error(`the file download answered ${response.status}`);
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
        controller.abort();
        return 'tooLarge';
      }
      const parts: Buffer[] = [];
      let size = 0;
      for await (const part of response.body ?? []) {
        size += (part as Uint8Array).length;
        if (size > maxBytes) {
          controller.abort();
          return 'tooLarge';
        }
        parts.push(Buffer.from(part as Uint8Array));
      }
      return Buffer.concat(parts);
    } finally {
      clearTimeout(timer);
    }
  }
}
