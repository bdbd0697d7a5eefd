import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../renderer/api/client';
import { LangContext } from '../../renderer/console/i18n';
import { AuditPage } from '../../renderer/console/pages/AuditPage';
import { auditQueryOf, emptyAuditFilter } from '../../renderer/console/pages/auditQuery';
import { Dialog } from '../../renderer/console/pages/Dialog';
import { auditDiffLines, layoutDiffLines } from '../../renderer/console/pages/diffText';
import { bodyOf, draftFaults, newSlot, normalisePath, type ScheduleDraft } from '../../renderer/console/pages/scheduleDraft';
import { diffLayouts } from '../../shared/layout/diff';
import { layoutSchema, type Layout } from '../../shared/layout/schema';
import { readJson } from './fixtures';
import { cleanup, render, waitUntil } from './render';

/**
 * The console pages' own logic in jsdom: the dialog's keyboard contract, diffs in words,
 * the audit filter and its paging against the real API client, and the schedule draft.
 */
afterEach(cleanup);

const key = (target: Element, k: string, shiftKey = false) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
  });

function DialogHost() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" id="opener" onClick={() => setOpen(true)}>open</button>
      {open && (
        <Dialog title="Hỏi" onClose={() => setOpen(false)}>
          <input id="first" />
          <button type="button" id="last">ok</button>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('takes the focus, keeps Tab inside, closes on Esc and gives the focus back to its opener', () => {
    const { container } = render(<DialogHost />);
    const opener = container.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    act(() => opener.click());
    expect(document.activeElement?.id).toBe('first');
    const last = container.querySelector<HTMLButtonElement>('#last')!;
    last.focus();
    key(last, 'Tab');
    expect(document.activeElement?.id).toBe('first');
    key(document.activeElement!, 'Tab', true);
    expect(document.activeElement?.id).toBe('last');
    key(document.activeElement!, 'Escape');
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

const preset = layoutSchema.parse(readJson('layouts/tong-quan-kinh-te-xa-hoi.json'));

describe('diffs in words', () => {
  it('names each tile added, removed, moved and rebound, in Vietnamese and in English', () => {
    const [first, second, ...rest] = preset.tiles;
    const after: Layout = {
      ...preset,
      // The second tile removed and put back under a new id; the third rebound.
      tiles: [first!, ...rest, { ...second!, id: 'moi' }].map((t) =>
        t.id === rest[0]!.id ? { ...t, binding: { indicators: ['GDP_GROWTH'], region: 'VN-HN' } } : t,
      ),
    };
    const diff = diffLayouts(preset, after);
    const vi = layoutDiffLines('vi', diff).map((l) => l.text);
    expect(vi).toContain(`Thêm ô moi (${second!.widget}) tại cột ${second!.x + 1}, hàng ${second!.y + 1}, ${second!.w}×${second!.h}`);
    expect(vi).toContain(`Xoá ô ${second!.id} (${second!.widget}) ở cột ${second!.x + 1}, hàng ${second!.y + 1}, ${second!.w}×${second!.h}`);
    expect(vi.filter((l) => l.startsWith(`Đổi dữ liệu ${rest[0]!.id}:`))).toHaveLength(1);
    expect(vi.find((l) => l.startsWith(`Đổi dữ liệu ${rest[0]!.id}:`))).toContain('→ GDP_GROWTH @ VN-HN');
    const en = layoutDiffLines('en', diffLayouts(preset, { ...preset, tiles: preset.tiles.map((t) => (t.id === first!.id ? { ...t, w: t.w - 1 } : t)) })).map((l) => l.text);
    expect(en).toEqual([`Moved/resized ${first!.id}: column ${first!.x + 1}, row ${first!.y + 1}, ${first!.w}×${first!.h} → column ${first!.x + 1}, row ${first!.y + 1}, ${first!.w - 1}×${first!.h}`]);
  });

  it('reads an audit diff: a save shows its fields and its tiles, an account change its from → to, instants in Viet Nam time', () => {
    const moved = diffLayouts(preset, { ...preset, tiles: preset.tiles.map((t, i) => (i === 0 ? { ...t, h: t.h - 1 } : t)) });
    const save = auditDiffLines('vi', { version: 3, baseVersion: 2, note: 'dời', ...moved }).map((l) => l.text);
    expect(save.slice(0, 3)).toEqual(['version: 3', 'baseVersion: 2', 'note: dời']);
    expect(save[3]).toMatch(/^Dời\/đổi cỡ /);
    expect(save).toHaveLength(4);
    expect(auditDiffLines('en', { username: 'van-a', displayName: { from: 'A', to: 'B' } }).map((l) => l.text)).toEqual(['username: van-a', 'displayName: A → B']);
    expect(auditDiffLines('vi', { until: '2026-12-03T17:00:00.000Z' }).map((l) => l.text)).toEqual(['until: 00:00 4/12/26']);
    expect(auditDiffLines('vi', undefined)).toEqual([]);
  });
});

/** A page's reply is a fetch, a zod check and a render: generous on a shared machine (a wait, not a timed assert). */
const LOADED = 20_000;

describe('the audit page', () => {
  it('sends the filter (times as Viet Nam time) and pages older and back newer, newest first', { timeout: 60_000 }, async () => {
    expect(auditQueryOf({ ...emptyAuditFilter, actor: ' Lê Vận Hành ', action: 'layout.', since: '2026-12-02T08:00' })).toEqual({
      actor: 'Lê Vận Hành',
      action: 'layout.',
      since: '2026-12-02T08:00:00+07:00',
    });
    // 120 rows, ids 1…120: the server's paging (limit, before), through the real client.
    const asked: URLSearchParams[] = [];
    const fetch = async (url: string | URL | Request) => {
      const query = new URL(String(url)).searchParams;
      asked.push(query);
      const limit = Number(query.get('limit'));
      const before = Number(query.get('before') ?? 121);
      const ids = Array.from({ length: 120 }, (_, i) => 120 - i).filter((id) => id < before);
      const rows = ids.slice(0, limit).map((id) => ({
        id,
        at: new Date(Date.UTC(2026, 11, 2, 0, id)).toISOString(),
        actor: { kind: 'person', id: 2, name: 'Lê Vận Hành' },
        origin: { address: '10.0.0.9', userAgent: null },
        action: 'layout.save',
        objectType: 'layout',
        objectId: `l-${id}`,
        diff: { version: id },
      }));
      const next = ids.length > limit ? rows[rows.length - 1]!.id : null;
      return new Response(JSON.stringify({ rows, next }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = createApiClient({ serverUrl: 'http://console.test', credential: { kind: 'session', csrfToken: 'x' }, fetch: fetch as typeof globalThis.fetch });
    const { container } = render(
      <LangContext.Provider value="vi">
        <AuditPage client={client} onSessionEnded={() => undefined} />
      </LangContext.Provider>,
    );
    const ids = () => [...container.querySelectorAll('tr[data-action] td:nth-child(4) code')].map((c) => c.textContent);
    const button = (text: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.includes(text))!;
    await waitUntil(() => expect(ids()[0]).toBe('l-120'), LOADED);
    expect(ids()).toHaveLength(50);
    act(() => button('Cũ hơn').click());
    await waitUntil(() => expect(ids()[0]).toBe('l-70'), LOADED);
    act(() => button('Cũ hơn').click());
    await waitUntil(() => expect(ids()).toEqual(Array.from({ length: 20 }, (_, i) => `l-${20 - i}`)), LOADED);
    expect(button('Cũ hơn').disabled).toBe(true);
    act(() => button('Mới hơn').click());
    await waitUntil(() => expect(ids()[0]).toBe('l-70'), LOADED);
    expect(asked.map((q) => q.get('before'))).toEqual([null, '71', '21', '71']);
    expect(container.textContent).toContain('Trang 2');
  });
});

describe('a session that ended', () => {
  it('sends the page back to the sign-in form (onSessionEnded) instead of showing an error', { timeout: 30_000 }, async () => {
    const fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'auth.session_expired', message_vi: 'Phiên đã hết', message_en: 'session expired' } }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    const client = createApiClient({ serverUrl: 'http://console.test', credential: { kind: 'session', csrfToken: 'x' }, fetch: fetch as typeof globalThis.fetch });
    let ended = 0;
    const { container } = render(<AuditPage client={client} onSessionEnded={() => void ended++} />);
    await waitUntil(() => expect(ended).toBe(1), LOADED);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});

describe('the schedule draft', () => {
  const draft: ScheduleDraft = { slots: [], fallbackLayoutId: '' };
  const morning = { ...newSlot(draft, 'sang'), start: '07:30', end: '11:30' };
  const overlapping = { ...newSlot({ slots: [morning], fallbackLayoutId: '' }, 'chieu'), start: '11:00', end: '13:00', days: [5] };

  it('says what is wrong at the field: a half-typed time, no day, then overlaps', () => {
    expect(draftFaults({ slots: [{ ...morning, start: '7:3', days: [] }], fallbackLayoutId: '' }).map((f) => [f.path, f.message_vi])).toEqual([
      ['slots.0.start', '"7:3" không phải giờ dạng HH:MM'],
      ['slots.0.days', 'chọn ít nhất một ngày'],
    ]);
    const faults = draftFaults({ slots: [morning, overlapping], fallbackLayoutId: '' });
    expect(faults.map((f) => f.path)).toEqual(['slots.1']);
    expect(faults[0]!.message_en).toContain('overlaps slot "slot-1"');
  });

  it('becomes the PUT body: days sorted, blank version the newest, fallback named or none', () => {
    expect(overlapping.id).toBe('slot-2');
    expect(bodyOf({ slots: [{ ...morning, days: [3, 1], version: '4', label: ' Sáng ' }], fallbackLayoutId: 'dem' })).toEqual({
      slots: [{ id: 'slot-1', label: 'Sáng', days: [1, 3], start: '07:30', end: '11:30', layoutId: 'sang', version: 4 }],
      fallback: { layoutId: 'dem', version: null },
    });
    expect(bodyOf(draft)).toEqual({ slots: [], fallback: null });
    expect(normalisePath('$.slots[1].end')).toBe('slots.1.end');
  });
});
