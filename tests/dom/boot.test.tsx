import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/wall/App';
import { resolveBootConfig, screenIdFromSearch, TOKEN_STORAGE_KEY } from '../../renderer/wall/boot';
import { createWallStore } from '../../renderer/store/wallStore';
import { windowStatusSchema, type ToanCanhBridge, type WindowStatus } from '../../shared/ipc';
import { startServer, stopServer, TOKEN, type Fake } from './fakeServer';
import { cleanup, render, waitUntil } from './render';

afterEach(() => {
  cleanup();
  delete window.toancanh;
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

describe('boot in a browser', () => {
  it('reads the screen from ?screen= (default: the whole-wall preview)', () => {
    expect(screenIdFromSearch('?screen=s2')).toBe('s2');
    expect(screenIdFromSearch('')).toBe('all');
    expect(screenIdFromSearch('?screen=')).toBe('all');
  });

  it('takes the token from the fragment, keeps it in sessionStorage and removes it from the address bar', async () => {
    history.replaceState(null, '', '/wall/?screen=s3#token=abc123secret-token-value&x=1');
    const config = await resolveBootConfig(window);
    expect(config).toMatchObject({ screenId: 's3', serverUrl: window.location.origin, token: 'abc123secret-token-value', source: 'browser' });
    expect(window.location.href).not.toContain('abc123');
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/wall/?screen=s3#x=1');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc123secret-token-value');

    // Reloading the page (no fragment any more) finds it in the session.
    const again = await resolveBootConfig(window);
    expect(again.token).toBe('abc123secret-token-value');
  });

  it('without a token, shows the token form in Vietnamese first, then English', async () => {
    history.replaceState(null, '', '/wall/?screen=s1');
    const { container } = render(<App store={createWallStore()} />);
    await act(async () => {});
    const form = container.querySelector('form')!;
    expect(form).not.toBeNull();
    const heading = form.querySelector('h1')!;
    expect(heading.textContent).toBe('Nhập mã truy cập');
    expect(heading.nextElementSibling?.textContent).toBe('Enter the access token');
    expect(form.querySelector('input[type="password"]')).not.toBeNull();
    expect(form.querySelector('[role="alert"]')).toBeNull();

    // Submitting nothing says so instead of connecting.
    act(() => form.requestSubmit());
    expect(form.querySelector('[role="alert"]')?.textContent).toContain('Chưa nhập mã truy cập');
  });
});

describe('boot in the display agent, against a real socket.io server', () => {
  let server: Fake;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    cleanup();
    await stopServer(server);
  });

  const bridgeWith = (token: string, statuses: WindowStatus[]): ToanCanhBridge => ({
    getWindowConfig: async () => ({ screenId: 's2', serverUrl: `http://127.0.0.1:${server.port}`, token }),
    reportStatus: (status) => statuses.push(status),
  });

  it('draws its screen and reports its status to the agent', async () => {
    const statuses: WindowStatus[] = [];
    window.toancanh = bridgeWith(TOKEN, statuses);
    const { container } = render(<App store={createWallStore()} />);
    await waitUntil(() => expect(container.querySelector('[data-screen-id="s2"] [data-tile-id]')).not.toBeNull());
    await waitUntil(() =>
      expect(statuses.at(-1)).toMatchObject({ connected: true, lastSeq: 100, layoutId: 'tong-quan-kinh-te-xa-hoi', restored: false }),
    );
    expect(server.hellos[0]).toEqual({ client: 'wall', screenId: 's2', host: null });
    // Every status passes the schema the agent checks it with.
    for (const status of statuses) expect(windowStatusSchema.safeParse(status).success, JSON.stringify(status)).toBe(true);
    // Between heartbeats (every 5 s) only changes are reported: no two alike in a row.
    const change = (s: WindowStatus) => `${s.connected}|${s.lastSeq}|${s.layoutId}|${s.restored}`;
    for (let i = 2; i < statuses.length; i++) expect(change(statuses[i]!)).not.toEqual(change(statuses[i - 1]!));
  });

  it('says clearly when the token is rejected, asks again, and connects with the new one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    window.toancanh = bridgeWith('expired-token-0000000000', []);
    const { container } = render(<App store={createWallStore()} />);
    await waitUntil(() => expect(container.querySelector('form [role="alert"]')).not.toBeNull());
    expect(container.querySelector('form [role="alert"]')!.textContent).toContain('Mã truy cập bị từ chối');
    expect(container.querySelector('form [role="alert"]')!.textContent).toContain('The access token was rejected');

    const input = container.querySelector<HTMLInputElement>('input[type="password"]')!;
    act(() => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, TOKEN);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => container.querySelector('form')!.requestSubmit());
    await waitUntil(() => expect(container.querySelector('[data-screen-id="s2"] [data-tile-id]')).not.toBeNull());
  });
});
