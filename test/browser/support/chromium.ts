import { existsSync } from 'node:fs';

import { chromium, type Browser } from 'playwright-core';

/**
 * Headless Chromium from the system's packages (CHROMIUM_PATH, default /usr/bin/chromium),
 * driven by playwright-core: no browser download.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Playwright adds --headless. Chromium must not reach for Google's services: on a closed network
// those connections fail.
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
