import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from '../bot/runtime/config';
import { colorIcon, outlineIcon } from './icons';
import { buildManifest, COLOR_ICON_FILE, OUTLINE_ICON_FILE, type ManifestOptions } from './manifest';
import { validateManifest } from './validate';

/**
 * `npm run package`: builds the Teams app package (manifest.json and the two icons at the zip's
 * root, as Teams requires) from the environment's configuration, and writes
 * dist/appPackage/dars-bot.zip for upload to Teams or the Developer Portal.
 */

const projectRoot = path.resolve(__dirname, '..', '..');
const outputFile = path.join(projectRoot, 'dist', 'appPackage', 'dars-bot.zip');

/**
 * Entries get a fixed timestamp so the same inputs give the same zip, byte for byte; a changed
 * package then always means a changed manifest or icon.
 */
const ENTRY_DATE = new Date('2025-01-01T00:00:00Z');

export class InvalidManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(`The app manifest does not match Microsoft's schema:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidManifestError';
  }
}

/** Builds the zip. Refuses (InvalidManifestError) to package a manifest Teams would reject. */
export async function buildAppPackage(options: ManifestOptions): Promise<Buffer> {
  const manifest = buildManifest(options);
  const problems = await validateManifest(manifest);
  if (problems.length > 0) throw new InvalidManifestError(problems);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ENTRY_DATE });
  zip.file(COLOR_ICON_FILE, await colorIcon(), { date: ENTRY_DATE });
  zip.file(OUTLINE_ICON_FILE, await outlineIcon(), { date: ENTRY_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export function manifestOptionsFrom(config: Config, version: string): ManifestOptions {
  return {
    teamsAppId: config.TEAMS_APP_ID,
    // Local mode has no bot registration; the Teams app id stands in so the manifest is whole.
    botAppId: config.MICROSOFT_APP_ID ?? config.TEAMS_APP_ID,
    botDomain: config.BOT_DOMAIN,
    publisherName: config.PUBLISHER_NAME,
    publisherWebsite: config.PUBLISHER_WEBSITE,
    version,
  };
}

/**
 * The app version, read at run time rather than imported: importing ../package.json would make
 * tsc copy it into dist/, a second package.json that nothing should find.
 */
async function packageVersion(): Promise<string> {
  const text = await readFile(path.join(projectRoot, 'package.json'), 'utf8');
  return z.object({ version: z.string() }).parse(JSON.parse(text)).version;
}

async function main(): Promise<void> {
  try {
    const options = manifestOptionsFrom(loadConfig(process.env, 'packaging'), await packageVersion());
    const zip = await buildAppPackage(options);
    await mkdir(path.dirname(outputFile), { recursive: true });
    await writeFile(outputFile, zip);
    console.log(outputFile);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InvalidManifestError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

if (require.main === module) {
  void main();
}
