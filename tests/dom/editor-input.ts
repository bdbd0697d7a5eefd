import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from 'react';
import { createApiClient, type ApiClient } from '../../renderer/api/client';
import type { Observation } from '../../shared/protocol/model';
import { projectRoot } from '../support/paths';

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

/**
 * The real catalogue file, answered through the real API client's fetch as the server would;
 * a read of observations (the picker's latest figures) is answered with `figures` of the
 * region it asks for (once a promise of them settles), or refused as a failing server would.
 */
export function catalogueClient(requests: string[] = [], figures: readonly Observation[] | Promise<readonly Observation[]> | 'server-error' = []): ApiClient {
  const file = JSON.parse(readFileSync(resolve(projectRoot, 'server/catalog/data/indicators.json'), 'utf8')) as { indicators: Record<string, unknown>[] };
  const body = JSON.stringify({ indicators: file.indicators.map(({ targets: _t, ...rest }) => rest) });
  return createApiClient({
    serverUrl: 'http://wall.test',
    credential: { kind: 'session', csrfToken: null },
    fetch: async (url) => {
      requests.push(String(url));
      const asked = new URL(String(url));
      if (asked.pathname === '/api/v1/observations') {
        if (figures === 'server-error') {
          const error = { code: 'server.internal', message_vi: 'Lỗi máy chủ; xem nhật ký máy chủ', message_en: 'internal error; see the server log' };
          return new Response(JSON.stringify({ error }), { status: 500, headers: { 'content-type': 'application/json' } });
        }
        const observations = (await figures).filter((o) => o.region === asked.searchParams.get('region'));
        return new Response(JSON.stringify({ seq: 1, observations }), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
}
