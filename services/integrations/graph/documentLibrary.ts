import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

/**
 * The SharePoint document library the DSAs are kept in (a drive), through Graph:
 *  - upload: `PUT /drives/{driveId}/root:/{folder}/{fileName}:/content` with the bytes; Graph
 *    creates missing folders and answers with the driveItem (201 new, 200 replaced);
 *  - share: `POST /drives/{driveId}/items/{itemId}/invite` granting a person read access,
 *    signed in, without Graph's own invitation email (the bot tells them in Teams).
 * Both need the application permission Files.ReadWrite.All (or Sites.Selected, granted on the
 * DSA site only).
 */

export const driveItemSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  webUrl: z.url(),
});
export type DriveItem = z.infer<typeof driveItemSchema>;

export interface UploadRequest {
  readonly driveId: string;
  /** Folder path inside the library, e.g. `DSAs/NIC-123456-AB1C2`; created when missing. */
  readonly folder: string;
  readonly fileName: string;
  readonly content: Buffer;
}

export async function uploadToDocumentLibrary(client: Client, upload: UploadRequest): Promise<DriveItem> {
  const path = [...upload.folder.split('/').filter((part) => part !== ''), upload.fileName].map(encodeURIComponent).join('/');
  const item: unknown = await client
    .api(`/drives/${encodeURIComponent(upload.driveId)}/root:/${path}:/content`)
    // Graph's retry handler leaves octet-stream uploads alone; the step runner retries them.
    .header('Content-Type', 'application/octet-stream')
    .put(upload.content);
  return driveItemSchema.parse(item);
}

const inviteResponseSchema = z.object({
  value: z.array(z.object({ id: z.string(), roles: z.array(z.string()).optional() })),
});

/** Grants one person read-only access to the item; returns the permission ids Graph made. */
export async function shareReadOnly(client: Client, share: { driveId: string; itemId: string; email: string }): Promise<string[]> {
  const result: unknown = await client
    .api(`/drives/${encodeURIComponent(share.driveId)}/items/${encodeURIComponent(share.itemId)}/invite`)
    .post({ recipients: [{ email: share.email }], roles: ['read'], requireSignIn: true, sendInvitation: false });
  return inviteResponseSchema.parse(result).value.map((permission) => permission.id);
}
