import { act } from 'react';

/** Sets a form control's value the way typing does, so React's onChange sees it. */
export function typeInto(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export function press(el: Element, key: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}): void {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }));
  });
}

export function click(el: Element): void {
  act(() => (el as HTMLElement).click());
}

/** The form control a visible label names (by its `for`). */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  const el = found && ((found.ownerDocument.getElementById(found.htmlFor) as T | null) ?? null);
  if (!el) throw new Error(`no control labelled "${label}"`);
  return el;
}
