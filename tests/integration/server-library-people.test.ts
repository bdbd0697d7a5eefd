import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layout } from '../../shared/layout/schema';
import type { Presence } from '../../shared/protocol/control';
import { findProjectRoot, projectPaths } from '../../server/paths';
import { asPerson, createUser, personSocket, signIn, TEST_SCRYPT, type Person } from '../helpers/accounts';
import { collect, startHarness, waitFor, type Harness } from '../helpers/server-harness';

const paths = projectPaths(findProjectRoot());
const preset = JSON.parse(readFileSync(join(paths.layoutsDir, 'tong-quan-kinh-te-xa-hoi.json'), 'utf8')) as Layout;

let h: Harness;
let an: Person;
let binh: Person;
let viewer: Person;

beforeAll(async () => {
  h = await startHarness({ scrypt: TEST_SCRYPT, loginRateLimit: { ratePerSecond: 100, burst: 100 } });
  await createUser(h, 'an', ['operator'], 'Nguyễn Văn An');
  await createUser(h, 'binh', ['operator'], 'Lê Thị Bình');
  await createUser(h, 'xem', ['viewer'], 'Người xem');
  [an, binh, viewer] = [await signIn(h, 'an'), await signIn(h, 'binh'), await signIn(h, 'xem')];
}, 30_000);
afterAll(async () => {
  await h?.cleanup();
});

describe('the layout library with people signed in to the console', { timeout: 30_000 }, () => {
  it('names the person on versions, the audit log, the 409 and the presence list; a viewer changes nothing', async () => {
    const document = { ...structuredClone(preset), id: 'ca-sang', title: { vi: 'Ca sáng' } };
    expect((await asPerson(h, an, 'POST', '/api/v1/library/layouts', { document })).status).toBe(201);
    expect((await asPerson(h, an, 'POST', '/api/v1/library/layouts/ca-sang/versions', { baseVersion: 1, document: { ...document, title: { vi: 'Ca sáng 2' } } })).status).toBe(201);
    const stale = await asPerson(h, binh, 'POST', '/api/v1/library/layouts/ca-sang/versions', { baseVersion: 1, document });
    expect(stale.status).toBe(409);
    expect((stale.body as { error: { details: Record<string, unknown> } }).error.details).toMatchObject({ headVersion: 2, savedBy: 'Nguyễn Văn An' });
    expect(h.server.audit.list({ objectId: 'ca-sang' }).rows.map((r) => [r.action, r.actor.kind, r.actor.name])).toEqual([
      ['layout.save', 'person', 'Nguyễn Văn An'],
      ['layout.create', 'person', 'Nguyễn Văn An'],
    ]);

    const refused = await asPerson(h, viewer, 'POST', '/api/v1/publish', { layoutId: 'ca-sang', version: 2 });
    expect(refused.status).toBe(403);
    expect((await asPerson(h, viewer, 'GET', '/api/v1/live')).status).toBe(200);

    const a = personSocket(h, '/control', an.cookie);
    const b = personSocket(h, '/control', binh.cookie);
    const seen = collect<Presence>(a, 'presence');
    await Promise.all([a, b].map((s) => new Promise((resolve) => s.once('wallState', resolve))));
    await a.timeout(3000).emitWithAck('openLayout', { layoutId: 'ca-sang' });
    await b.timeout(3000).emitWithAck('openLayout', { layoutId: 'ca-sang' });
    await waitFor(() => seen.some((p) => p.total === 2), 3000, 'two people on the layout');
    expect(seen.at(-1)!.viewers.map((v) => [v.name, v.kind])).toEqual([
      ['Nguyễn Văn An', 'person'],
      ['Lê Thị Bình', 'person'],
    ]);
    a.disconnect();
    b.disconnect();
  });
});
