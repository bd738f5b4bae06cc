import path from 'node:path';

import type { Browser, Locator, Page } from 'playwright-core';

/**
 * One Microsoft 365 Agents Playground window in headless Chromium, driven as a person would:
 * pick a conversation on the left, type in the compose box, press the buttons on a card.
 * Locators are the playground's accessible names (tree items, buttons), not its CSS.
 */

export const screenshotDirectory = path.resolve(__dirname, '..', '..', '..', '..', '.artifacts', 'browser');

export class PlaygroundPage {
  private constructor(
    readonly page: Page,
    private readonly who: string,
    private readonly directory: string,
  ) {}

  /** `directory`: where its screenshots go (default .artifacts/browser/). */
  static async open(browser: Browser, url: string, who: string, directory = screenshotDirectory): Promise<PlaygroundPage> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return new PlaygroundPage(page, who, directory);
  }

  /** A chat or channel in the left-hand list, by its accessible name ("Personal Chat", "DARS - General"). */
  async openConversation(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click();
    await this.compose().waitFor();
  }

  /** Types a message as the window's person and waits until the bot's answer shows `expected`. */
  async say(text: string, expected: RegExp): Promise<void> {
    // A message's text may be split by bold runs: its paragraphs are searched as well as text nodes.
    const shown = async () => [await this.page.getByText(expected).count(), await this.page.locator('p').filter({ hasText: expected }).count()];
    const [textsBefore, paragraphsBefore] = await shown();
    await this.compose().click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.waitUntil(async () => {
      const [texts, paragraphs] = await shown();
      return texts! > textsBefore! || paragraphs! > paragraphsBefore!;
    }, `an answer showing ${expected} after "${text}"`);
  }

  /** In a channel or group chat: types `@`, picks DARS Bot from the suggestions, then `text`, and sends it. */
  async mention(text: string, expected: RegExp): Promise<void> {
    const shownBefore = await this.page.locator('.ac-adaptiveCard').filter({ hasText: expected }).count();
    await this.compose().click();
    await this.page.keyboard.type('@DARS');
    await this.page.getByRole('option', { name: /DARS Bot/ }).or(this.page.getByRole('menuitem', { name: /DARS Bot/ })).first().click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.keyboard.press('Enter');
    await this.waitUntil(async () => (await this.page.locator('.ac-adaptiveCard').filter({ hasText: expected }).count()) > shownBefore, `a card showing ${expected} after "@DARS Bot ${text}"`);
  }

  /** The newest Adaptive Card in the open conversation that contains `text`. */
  card(text: string | RegExp): Locator {
    return this.page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  }

  /** The newest Adaptive Card in the open conversation with a button of exactly this title. */
  cardWithButton(title: string): Locator {
    return this.page.locator('.ac-adaptiveCard').filter({ has: this.page.getByRole('button', { name: title, exact: true }) }).last();
  }

  /** Presses the card's button with exactly this title (the last one: a form's submit button follows the button that shows it). */
  async press(card: Locator, title: string): Promise<void> {
    await card.getByRole('button', { name: title, exact: true }).last().click();
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.directory, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Polls the page (the playground pushes the bot's messages over a WebSocket). */
  async waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) {
        await this.screenshot(`failed-${this.who}`);
        const lastMessages = (await this.page.locator('[aria-label="Message author"]').count()) > 0 ? (await this.page.locator('main, body').last().innerText()).slice(-1500) : '';
        throw new Error(`${this.who} window: no ${what} within ${timeoutMs / 1000} s (screenshot in ${this.directory}); the window ends with:\n${lastMessages}`);
      }
      await this.page.waitForTimeout(200);
    }
  }

  private compose(): Locator {
    return this.page.locator('[contenteditable="true"][role="textbox"]').last();
  }
}
