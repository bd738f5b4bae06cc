import type { AttachmentFetcher } from '../dialogs/desks';

/**
 * Downloads a file a person attached in the 1:1 chat. Teams gives a short-lived, pre-authorised
 * `downloadUrl` (the app declares `supportsFiles`), so no token is needed.
 */
const maximumBytes = 200 * 1024 * 1024;

export class HttpAttachmentFetcher implements AttachmentFetcher {
  async fetchText(downloadUrl: string): Promise<string> {
    const response = await fetch(downloadUrl, { signal: AbortSignal.timeout(120_000) });
    if (!response.ok) throw new Error(`the file download answered ${response.status}`);
    const size = Number(response.headers.get('content-length') ?? 0);
    if (size > maximumBytes) throw new Error(`the file is ${Math.round(size / 1024 / 1024)} MB; the most is 200 MB`);
    return response.text();
  }
}
