import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerProcess } from '../e2e/support/server';
import { buildServerBundle } from '../helpers/server-bundle';

/**
 * A crash in the middle of group commits (server/reports/group-commit.ts): the built server
 * is SIGKILLed while 64 reports are in flight. Every report it answered is on disk after the
 * restart; the others were never answered, and a retry with the same Idempotency-Key
 * stores each exactly once (200 when its group had committed before the kill, 201 when
 * not). The change log stays contiguous and `PRAGMA integrity_check` is ok.
 */
const TOTAL = 600;
const IN_FLIGHT = 64;
const KILL_AFTER_ANSWERS = 150;

let server: ServerProcess;

beforeAll(async () => {
  server = new ServerProcess({ script: await buildServerBundle(), extraArgs: ['--rate-limit', '100000'] });
  await server.start();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

const body = (i: number) => ({
  regime: 'CTK-KTXH-THANG',
  agency: 'CTK',
  period: '2026-01',
  status: 'official',
  values: [
    { indicator: 'IIP_GROWTH', value: 9.1 },
    { indicator: 'RETAIL_SALES', value: 1000 + i, unit: 'nghìn tỷ đồng' },
    { indicator: 'CPI_AVG', region: 'VN', value: 3.2 },
  ],
});

async function post(i: number): Promise<{ status: number; id: string | null }> {
  const response = await fetch(`${server.url}/api/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json', 'idempotency-key': `crash-${i}` },
    body: JSON.stringify(body(i)),
  });
  const answer = (await response.json()) as { id?: string };
  return { status: response.status, id: answer.id ?? null };
}

/** With the server down: the store's own check, the change log's shape, and the keys stored. */
function inspect(): { integrity: string; seqs: { count: number; min: number; max: number; head: number }; keys: Map<string, string> } {
  const db = new Database(join(server.dataDir, 'toancanh.sqlite'));
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const seqs = db.prepare("SELECT COUNT(*) AS count, MIN(seq) AS min, MAX(seq) AS max, (SELECT seq FROM sqlite_sequence WHERE name = 'change_log') AS head FROM change_log").get() as {
      count: number;
      min: number;
      max: number;
      head: number;
    };
    const rows = db.prepare("SELECT idempotency_key AS key, id FROM submissions WHERE idempotency_key LIKE 'crash-%'").all() as { key: string; id: string }[];
    return { integrity, seqs, keys: new Map(rows.map((r) => [r.key, r.id])) };
  } finally {
    db.close();
  }
}

describe('a crash mid-group loses only the reports it never answered', () => {
  it('keeps every answered report, stores each retried one exactly once, and leaves the log whole', async () => {
    const answered = new Map<number, string>();
    const unanswered: number[] = [];
    let next = 0;
    let killed: Promise<void> | null = null;
    // Each worker keeps posting until the dead server refuses it, so that a full 64 are in
    // flight (queued, in a group, or answered on the wire) when the kill lands.
    const worker = async (): Promise<void> => {
      while (next < TOTAL) {
        const i = next++;
        try {
          const r = await post(i);
          if (r.status !== 201) throw new Error(`report ${i}: ${r.status}`);
          answered.set(i, r.id!);
          if (answered.size >= KILL_AFTER_ANSWERS && killed === null) killed = server.kill('SIGKILL');
        } catch (error) {
          if (killed === null) throw error;
          unanswered.push(i);
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await killed;

    const afterKill = inspect();
    expect(afterKill.integrity).toBe('ok');
    // No hole and nothing half-written: every seq up to the head is there.
    expect(afterKill.seqs.count).toBe(afterKill.seqs.max - afterKill.seqs.min + 1);
    expect(afterKill.seqs.max).toBe(afterKill.seqs.head);
    // Every answer was a promise kept: its submission is on disk, under its key.
    const lost = [...answered].filter(([i, id]) => afterKill.keys.get(`crash-${i}`) !== id);
    expect(lost).toEqual([]);

    await server.start();
    const retried = { stored: 0, alreadyThere: 0 };
    const rest = [...unanswered, ...Array.from({ length: TOTAL - next }, (_, k) => next + k)];
    for (const i of rest) {
      const r = await post(i);
      expect([200, 201]).toContain(r.status);
      // 200: its group had committed before the kill, only the answer was lost.
      expect(r.status === 200).toBe(afterKill.keys.has(`crash-${i}`));
      if (r.status === 200) retried.alreadyThere++;
      else retried.stored++;
    }
    console.log(`group commit crash: ${JSON.stringify({ answeredBeforeKill: answered.size, unanswered: unanswered.length, storedButUnanswered: retried.alreadyThere, retriedAndStored: retried.stored - (TOTAL - next) })}`);
    await server.stop();

    const final = inspect();
    expect(final.integrity).toBe('ok');
    expect(final.keys.size).toBe(TOTAL);
    expect(final.seqs.count).toBe(final.seqs.max - final.seqs.min + 1);
  });
});
