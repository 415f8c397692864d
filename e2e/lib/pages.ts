import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";

export const screenshotsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "screenshots");

/** Saves a full-page screenshot as a test artifact (e2e/screenshots/, gitignored). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** Connects the development wallet (once) and selects one of its funded accounts. */
export async function useDevAccount(page: Page, index: number): Promise<void> {
  const use = page.getByRole("button", { name: "Use development wallet" });
  if (await use.isVisible()) await use.click();
  const select = page.getByLabel("Development account");
  await select.waitFor();
  await select.selectOption(String(index));
}

/**
 * Waits until the transaction status inside `scope` says `label` is confirmed or failed, and returns which,
 * with the sentence the page shows.
 */
export async function txResult(scope: Locator, label: string): Promise<{ status: string; text: string }> {
  const status = scope.locator("[data-tx]", { hasText: label }).last();
  await status.and(scope.locator('[data-tx="confirmed"], [data-tx="failed"]')).waitFor({ timeout: 60_000 });
  return { status: (await status.getAttribute("data-tx")) ?? "", text: (await status.textContent()) ?? "" };
}
