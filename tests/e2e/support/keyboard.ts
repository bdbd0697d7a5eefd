import type { Page } from 'playwright-core';

/**
 * Driving a page with the keyboard alone: Tab (or Shift+Tab) until the focused element is
 * the one wanted, as a person would, then Enter or Space. The walk is bounded: a control
 * the keyboard cannot reach fails the test, naming it.
 */
export interface Target {
  /** A CSS selector the focused element must match. */
  selector: string;
  /** Text the focused element (or its value) must contain. */
  text?: string;
}

export async function focused(page: Page, target: Target): Promise<boolean> {
  return page.evaluate(({ selector, text }) => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || !el.matches(selector)) return false;
    return text === undefined || (el.textContent ?? '').includes(text) || (el as HTMLInputElement).value?.includes(text);
  }, target);
}

export async function tabTo(page: Page, target: Target, options: { max?: number; backwards?: boolean } = {}): Promise<void> {
  const max = options.max ?? 400;
  for (let i = 0; i < max; i++) {
    if (await focused(page, target)) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`the keyboard did not reach ${target.selector}${target.text ? ` "${target.text}"` : ''} in ${max} Tab presses (focus is on ${at})`);
}

/** Tab to a control and press Enter on it. */
export async function activate(page: Page, target: Target, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key === 'Space' ? ' ' : 'Enter');
}

/** Tab to a text field, select what it holds, and type over it. */
export async function typeInto(page: Page, target: Target, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Tab to a select and move its choice with the arrow keys to the option whose value is `value`. */
export async function choose(page: Page, target: Target, value: string): Promise<void> {
  await tabTo(page, target);
  const [current, wanted] = await page.evaluate(
    ({ value }) => {
      const select = document.activeElement as HTMLSelectElement;
      return [select.selectedIndex, [...select.options].findIndex((o) => o.value === value)];
    },
    { value },
  );
  if (wanted < 0) throw new Error(`${target.selector} has no option ${value}`);
  const key = wanted > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - current); i++) await page.keyboard.press(key);
  const now = await page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
  if (now !== value) throw new Error(`${target.selector}: the arrow keys chose ${now}, not ${value}`);
}
