import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../main/log';
import { prettySink } from '../../server/log';
import { createLogger, formatJson, formatPretty, type LogRecord } from '../../shared/log';
import { logSink, startHarness, tempDir } from '../helpers/server-harness';

const at = new Date(2026, 2, 16, 12, 3, 4).getTime();

describe('the shared log format (shared/log.ts)', () => {
  it('writes one terse pretty line with the shared fields under short names', () => {
    const line = formatPretty({ time: at, level: 'info', msg: 'report accepted', fields: { submissionId: 'abc-1', seq: 42, screenId: 's1', agency: 'P01', note: 'two words', missing: undefined } });
    expect(line).toBe('12:03:04 INFO  report accepted  submission=abc-1 seq=42 screen=s1 agency=P01 note="two words"\n');
    const error = formatPretty({ time: at, level: 'error', msg: 'request failed', fields: { code: 'server.internal', err: new TypeError('boom') } });
    expect(error.split('\n')[0]).toBe('12:03:04 ERROR request failed  code=server.internal err="TypeError: boom"');
    expect(error.split('\n')[1]).toMatch(/^ {4}at /);
  });

  it('writes JSON lines with the instant, the level and every field', () => {
    const record: LogRecord = { time: Date.UTC(2026, 2, 16, 5, 3, 4), level: 'warn', msg: 'slow request', fields: { ms: 1500, err: new Error('x') } };
    const parsed = JSON.parse(formatJson(record)) as Record<string, unknown>;
    expect(parsed).toMatchObject({ time: '2026-03-16T05:03:04.000Z', level: 'warn', msg: 'slow request', ms: 1500, err: { type: 'Error', message: 'x' } });
  });

  it('keeps lines under the threshold out, and children carry their bindings', () => {
    const records: LogRecord[] = [];
    const log = createLogger((r) => records.push(r), { level: 'info', now: () => at });
    log.debug('not shown');
    log.child({ ns: 'feed' }).warn('refused', { code: 'feed.subscribe_invalid' });
    expect(records).toEqual([{ time: at, level: 'warn', msg: 'refused', fields: { ns: 'feed', code: 'feed.subscribe_invalid' } }]);
  });
});

describe('the server log (server/log.ts)', () => {
  it('re-writes pino lines pretty, and lets a line that is not JSON through', () => {
    const sink = logSink();
    const pretty = prettySink(sink);
    pretty.write(`${JSON.stringify({ level: 30, time: at, pid: 1, hostname: 'h', msg: 'report accepted', submissionId: 'x', seq: 3 })}\n`);
    pretty.write('plain\n');
    expect(sink.lines).toEqual(['12:03:04 INFO  report accepted  submission=x seq=3\n', 'plain\n']);
  });

  it('prints one pretty line for an accepted report and none for plain requests at info level; JSON lines when asked', async () => {
    for (const format of ['pretty', 'json'] as const) {
      const h = await startHarness({ logFormat: format });
      try {
        for (let i = 0; i < 5; i++) await h.api('GET', '/api/v1/health', { token: null });
        const r = await h.api<{ submissionId: string; seq: number }>('POST', '/api/v1/reports', {
          body: { regime: 'CTK-KTXH-NAM', agency: 'CTK', period: '2026', values: [{ indicator: 'GDP_GROWTH', value: 8.3 }, { indicator: 'GDP_VND', value: 14100 }, { indicator: 'GDP_USD', value: 560 }, { indicator: 'GDP_PER_CAPITA', value: 5450 }] },
        });
        expect(r.status, r.text).toBe(201);
        const lines = h.log.lines.join('').split('\n').filter(Boolean);
        if (format === 'pretty') {
          const accepted = lines.filter((l) => l.includes('report accepted'));
          expect(accepted).toHaveLength(1);
          expect(accepted[0]).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d INFO  report accepted  .*submission=${r.body.submissionId} .*seq=${r.body.seq}`));
          expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
        } else {
          const records = lines.map((l) => JSON.parse(l) as { level: number; msg: string; submissionId?: string });
          expect(records.filter((x) => x.msg === 'report accepted').map((x) => x.submissionId)).toEqual([r.body.submissionId]);
        }
        expect(lines.some((l) => /request/.test(l) && /health/.test(l))).toBe(false);
      } finally {
        await h.cleanup();
      }
    }
  });

  it('logs each request at debug level', async () => {
    const h = await startHarness({ logLevel: 'debug' });
    try {
      await h.api('GET', '/api/v1/health', { token: null });
      expect(h.log.lines).toContainEqual(expect.stringMatching(/ DEBUG request {2}.*method=GET url=\/api\/v1\/health status=200/));
    } finally {
      await h.cleanup();
    }
  });
});

describe('the display agent log (main/log.ts)', () => {
  it('appends pretty lines with the instant, or JSON lines, to its file and its echo', () => {
    const dir = tempDir();
    try {
      for (const format of ['pretty', 'json'] as const) {
        const echoed: string[] = [];
        const file = join(dir, `agent-${format}.log`);
        const log = createFileLogger(file, { format, echo: (l) => void echoed.push(l) });
        log.info('window placed', { screenId: 's2' });
        log.child({ ns: 'server' }).error('embedded server ended', { code: 'server.internal' });
        const text = readFileSync(file, 'utf8');
        expect(text).toBe(echoed.join(''));
        if (format === 'pretty') {
          expect(text.split('\n')[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO {2}window placed {2}screen=s2$/);
          expect(text.split('\n')[1]).toMatch(/ERROR embedded server ended {2}ns=server code=server.internal$/);
        } else {
          expect(text.trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['window placed', 'embedded server ended']);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
