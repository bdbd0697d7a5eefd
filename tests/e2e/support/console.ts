import type { Page } from 'playwright-core';
import type { ServerProcess } from './server';

/** Signs in at the console's form, as a person would, and waits for the header that says who. */
export async function signInConsole(page: Page, server: ServerProcess, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/console/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="whoami"]');
}

/** Into the field named `name`: select what is there and type, as a person would. */
export async function typeIntoField(page: Page, name: string, text: string): Promise<void> {
  await page.focus(`[name="${name}"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** A named account made by the admin token, as `npm run serve -- user add` would; throws with the server's answer otherwise. */
export async function createConsoleUser(server: ServerProcess, account: { username: string; displayName: string; roles: string[]; password: string }): Promise<void> {
  const r = await server.api('POST', '/api/v1/users', account);
  if (r.status !== 201) throw new Error(`create ${account.username}: ${r.status} ${JSON.stringify(r.body)}`);
}
