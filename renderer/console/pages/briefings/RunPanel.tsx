import { useCallback, useEffect, useState, type JSX } from 'react';
import { routes } from '../../../../shared/api';
import type { RunCommand, RunState, RunSummary, ShownRow } from '../../../../shared/briefing/run';
import type { ApiClient } from '../../../api/client';
import { useLang, useT } from '../../i18n';
import { DataAge } from '../DataAge';
import { clockOf, RunTimeline } from './RunTimeline';

interface Props {
  client: ApiClient;
  briefingId: string;
  /** The saved head version (a run shows a saved version, never the form). */
  headVersion: number | null;
  /** The form differs from the head: starting would show what is saved, not what is seen. */
  dirty: boolean;
  /** The scene selected in the list: "jump" goes there. */
  selected: number;
  run: RunState | null;
  onRun(run: RunState | null): void;
  /** Every command through the page's work (progress, its outcome in words, failure in words). */
  work(label: string, job: () => Promise<unknown>): Promise<boolean>;
  /** A failed load (the page's words of the last save stay). */
  onError(error: unknown): void;
  busy: boolean;
}

/** While a run is on, its state is asked again this often (the loop moves on by itself). */
const RUN_POLL_MS = 5_000;

/**
 * Running the briefing on the wall from the console (the routes in shared/api/briefings.ts):
 * start at the selected scene, previous, next, go to the selected scene, hold the loop,
 * stop; every command audited with who gave it. Under it, the record of each run as a
 * timeline (RunTimeline), newest first.
 */
export function RunPanel({ client, briefingId, headVersion, dirty, selected, run, onRun, work, onError, busy }: Props): JSX.Element {
  const t = useT();
  const lang = useLang();
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [record, setRecord] = useState<{ run: RunSummary; shown: ShownRow[]; total: number } | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const ours = run !== null && run.briefingId === briefingId;

  const loadRecord = useCallback(
    async (runId: number | null) => {
      const [state, list] = await Promise.all([client.call(routes.briefings.run, {}), client.call(routes.briefings.runs, { query: { briefingId } })]);
      onRun(state.body.run);
      setRuns(list.body.runs);
      const id = runId ?? list.body.runs[0]?.runId ?? null;
      setRecord(id === null ? null : (await client.call(routes.briefings.shown, { params: { id: String(id) } })).body);
      setLoadedAt(Date.now());
    },
    [client, briefingId, onRun],
  );
  // Loads are quiet (no progress line): they must not replace what the page last said (a save's version).
  const reload = useCallback((runId: number | null = null) => loadRecord(runId).catch(onError), [loadRecord, onError]);
  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    if (!ours) return;
    const timer = setInterval(() => void loadRecord(record?.run.runId ?? null).catch(() => undefined), RUN_POLL_MS);
    return () => clearInterval(timer);
  }, [ours, loadRecord, record?.run.runId]);

  const command = (label: string, body: RunCommand) =>
    void work(label, async () => {
      const reply = await client.call(routes.briefings.command, { body });
      onRun(reply.body.run);
      await loadRecord(null);
      const now = reply.body.run;
      return now ? t(`Tường đang ở cảnh ${now.index + 1} trên ${now.scenes.length} (lệnh của ${now.commandedBy}).`, `The wall shows scene ${now.index + 1} of ${now.scenes.length} (commanded by ${now.commandedBy}).`) : t('Đã dừng phiên giao ban.', 'The briefing is stopped.');
    });

  const other = run !== null && !ours;
  return (
    <section className="bf-run" aria-labelledby="bf-run-title">
      <h2 id="bf-run-title">{t('Chạy trên tường', 'Run on the wall')}</h2>
      <p role="status" data-testid="run-state">
        {run === null
          ? t('Không có phiên giao ban nào đang chạy.', 'No briefing is running.')
          : ours
            ? t(
                `Đang chạy phiên bản ${run.version}: cảnh ${run.index + 1} trên ${run.scenes.length} «${run.scenes[run.index]?.title ?? ''}» từ ${clockOf(lang, new Date(run.sceneSince).toISOString())}, lệnh của ${run.commandedBy}${run.held ? ' · đang giữ' : ''}.`,
                `Running version ${run.version}: scene ${run.index + 1} of ${run.scenes.length} "${run.scenes[run.index]?.title ?? ''}" since ${clockOf(lang, new Date(run.sceneSince).toISOString())}, commanded by ${run.commandedBy}${run.held ? ' · held' : ''}.`,
              )
            : t(`Phiên giao ban «${run.name}» đang chạy; hãy dừng nó trước khi chạy phiên này.`, `Briefing "${run.name}" is running; stop it before running this one.`)}
      </p>
      {dirty ? <p className="notice">{t('Có thay đổi chưa lưu: tường chỉ chạy phiên bản đã lưu.', 'Unsaved changes: the wall runs the saved version only.')}</p> : null}
      <div className="toolbar">
        {!ours ? (
          <button type="button" className="primary" disabled={busy || other || headVersion === null} onClick={() => command(t('Đang bắt đầu…', 'Starting…'), { action: 'start', briefingId, ...(headVersion === null ? {} : { version: headVersion }), index: selected })}>
            {t(`Bắt đầu từ cảnh ${selected + 1}`, `Start at scene ${selected + 1}`)}
          </button>
        ) : (
          <>
            <button type="button" disabled={busy || run.index === 0} onClick={() => command(t('Đang chuyển cảnh…', 'Switching…'), { action: 'previous' })}>
              {t('◀ Cảnh trước', '◀ Previous')}
            </button>
            <button type="button" className="primary" disabled={busy || run.index >= run.scenes.length - 1} onClick={() => command(t('Đang chuyển cảnh…', 'Switching…'), { action: 'next' })}>
              {t('Cảnh sau ▶', 'Next ▶')}
            </button>
            <button type="button" disabled={busy || selected >= run.scenes.length || selected === run.index} onClick={() => command(t('Đang chuyển cảnh…', 'Switching…'), { action: 'jump', index: selected })}>
              {t(`Tới cảnh ${selected + 1}`, `Go to scene ${selected + 1}`)}
            </button>
            <button type="button" aria-pressed={run.held} disabled={busy} onClick={() => command(run.held ? t('Đang tiếp tục…', 'Resuming…') : t('Đang giữ…', 'Holding…'), { action: 'hold', held: !run.held })}>
              {run.held ? t('Tiếp tục vòng lặp', 'Resume the loop') : t('Giữ cảnh này', 'Hold this scene')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => command(t('Đang dừng…', 'Stopping…'), { action: 'stop' })}>
              {t('Dừng phiên giao ban', 'Stop the briefing')}
            </button>
          </>
        )}
      </div>

      <h2>{t('Bản ghi các lượt chạy', 'Record of the runs')}</h2>
      <DataAge at={loadedAt} busy={busy} onReload={() => void reload(record?.run.runId ?? null)} />
      {runs.length === 0 ? <p>{t('Phiên giao ban này chưa chạy lần nào.', 'This briefing has not run yet.')}</p> : null}
      {runs.length > 1 ? (
        <label>
          {t('Lượt chạy', 'Run')}{' '}
          <select name="run" value={record?.run.runId ?? ''} onChange={(e) => void reload(Number(e.target.value))}>
            {runs.map((r) => (
              <option key={r.runId} value={r.runId}>
                {t(`Lượt ${r.runId}`, `Run ${r.runId}`)} — {clockOf(lang, r.startedAt)} ({r.startedBy})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {record ? <RunTimeline run={record.run} shown={record.shown} total={record.total} now={loadedAt ?? Date.now()} /> : null}
    </section>
  );
}
