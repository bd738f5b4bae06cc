import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { COLOR_ICON_FILE, OUTLINE_ICON_FILE } from './manifest';

/**
 * The two icons a Teams app package must hold, committed as PNG files beside this one
 * (manifest/color.png, manifest/outline.png): a white page with a folded corner and lines of
 * text, a data access request, on NHS blue. Read from the source folder, not dist/ (tsc copies
 * no images); the package holds them byte for byte.
 *
 * Teams' rules, checked on the files by test/manifest.test.ts: the colour icon is 192×192, full
 * colour; the outline icon is 32×32 and only white on a transparent background (Teams tints it).
 */

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** manifest/ in the project, from this file compiled into dist/manifest/. */
const iconFolder = path.resolve(__dirname, '..', '..', 'manifest');

export function colorIcon(): Promise<Buffer> {
  return readFile(path.join(iconFolder, COLOR_ICON_FILE));
}

export function outlineIcon(): Promise<Buffer> {
  return readFile(path.join(iconFolder, OUTLINE_ICON_FILE));
}
