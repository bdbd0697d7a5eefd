import { useCallback, useEffect, useState } from 'react';
import type { RunState } from '../../shared/briefing/run';
import type { Scene } from '../../shared/briefing/schema';
import { provinceByCode } from '../../shared/regions';
import { frozenAtText, newFiguresText } from '../../shared/wall/view';
import { useWall } from '../store/context';
import { SceneThumbnail } from '../surface/SceneThumbnail';
import { layoutKey, useSceneLayouts, type useRemoteController } from './controller';
import { ProvincePicker } from './ProvincePicker';
import { clock, text, type Lang } from './text';

type Remote = ReturnType<typeof useRemoteController>;

/** Re-renders every `ms` with the server's clock by the page's estimate. */
function useServerNow(serverNow: () => number, ms = 500): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), ms);
    return () => clearInterval(timer);
  }, [serverNow, ms]);
  return now;
}

function focusText(scene: Scene, lang: Lang): string | null {
  if (scene.focus.kind === 'tile') return `${text.focusTile[lang]}: ${scene.focus.tileId}`;
  if (scene.focus.kind === 'province') return `${text.focusProvince[lang]}: ${provinceByCode(scene.focus.province)?.name ?? scene.focus.province}`;
  return null;
}

/** A run in progress: current and next scene, timers, notes, and every command as a big button (and a key). */
export function RunPanel({ lang, run, steer, sending, remote }: { lang: Lang; run: RunState; steer: boolean; sending: boolean; remote: Remote }) {
  const now = useServerNow(remote.serverNow);
  const view = useWall((s) => s.view);
  const frozen = useWall((s) => s.frozen);
  const profile = useWall((s) => s.wall?.profile ?? null);
  const indicators = useWall((s) => s.indicators);
  const [picking, setPicking] = useState(false);
  const [confirmStop, setConfirmStop] = useState(false);
  const scene = run.scenes[run.index]!;
  const last = run.index >= run.scenes.length - 1;
  const nextScene = last ? null : run.scenes[run.index + 1]!;
  const layouts = useSceneLayouts(remote.client, nextScene ? [scene, nextScene] : [scene]);
  const disabled = !steer || sending;
  const { command, setView } = remote;

  const act = useCallback(
    (what: 'next' | 'previous' | 'hold' | 'freeze' | 'national' | 'pick' | number) => {
      if (what === 'pick') return setPicking(true);
      if (!steer) return;
      if (what === 'next') void command({ action: 'next' });
      else if (what === 'previous') void command({ action: 'previous' });
      else if (what === 'hold') void command({ action: 'hold', held: !run.held });
      else if (what === 'freeze') void setView({ freeze: view?.freeze ? false : true });
      else if (what === 'national') void setView({ province: null });
      else void command({ action: 'jump', index: what });
    },
    [command, setView, steer, run.held, view?.freeze],
  );

  // Keys: a presenter's clicker sends PageDown / PageUp; a keyboard has the rest.
  useEffect(() => {
    if (picking) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      // Space and Enter keep their meaning on a focused button.
      const onButton = target?.tagName === 'BUTTON';
      let what: Parameters<typeof act>[0] | null = null;
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || (e.key === ' ' && !onButton)) what = 'next';
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') what = 'previous';
      else if (e.key === 'h' || e.key === 'H') what = 'hold';
      else if (e.key === 'f' || e.key === 'F') what = 'freeze';
      else if (e.key === 'n' || e.key === 'N') what = 'national';
      else if (e.key === 'p' || e.key === 'P') what = 'pick';
      else if (/^[1-9]$/.test(e.key) && Number(e.key) <= run.scenes.length) what = Number(e.key) - 1;
      if (what === null) return;
      e.preventDefault();
      act(what);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, picking, run.scenes.length]);

  const inScene = now - run.sceneSince;
  const inBriefing = now - Date.parse(run.startedAt);
  const remaining = run.advanceAt === null ? null : run.advanceAt - now;
  const province = view?.province ?? null;
  const provinceName = province ? (provinceByCode(province)?.name ?? province) : null;
  const notes = lang === 'en' ? (scene.notes.en ?? scene.notes.vi) : scene.notes.vi;

  const thumb = (s: Scene, label: string) => {
    const layout = layouts.get(layoutKey(s));
    return profile && layout ? (
      <SceneThumbnail profile={profile} layout={layout} enlargedTileId={s.focus.kind === 'tile' ? s.focus.tileId : null} label={label} lang={lang} indicatorNames={indicators} />
    ) : (
      <div className="scene-thumb scene-thumb--empty" aria-hidden="true" />
    );
  };

  return (
    <div className="remote-run" data-run-id={run.runId} data-index={run.index} data-held={run.held ? 'true' : 'false'}>
      <p className="remote-run__name">
        <strong>{run.name}</strong> · {text.scene[lang]} {run.index + 1}/{run.scenes.length} · {text.commandedBy[lang]} {run.commandedBy}
      </p>

      <div className="remote-scenes">
        <section className="remote-card remote-card--current" aria-labelledby="remote-current-title" data-testid="current-scene" data-scene-id={scene.id}>
          <h2 id="remote-current-title">
            <span className="remote-tag">{text.current[lang]}</span> {run.index + 1}. {scene.title}
          </h2>
          {thumb(scene, `${text.current[lang]}: ${scene.title}`)}
          {focusText(scene, lang) ? <p className="remote-muted">{focusText(scene, lang)}</p> : null}
          <dl className="remote-timers" data-testid="timers">
            <div>
              <dt>{text.inScene[lang]}</dt>
              <dd data-timer="scene">{clock(inScene)}</dd>
            </div>
            <div>
              <dt>{text.inBriefing[lang]}</dt>
              <dd data-timer="briefing">{clock(inBriefing)}</dd>
            </div>
            <div>
              <dt>{text.duration[lang]}</dt>
              <dd data-timer="duration">
                {scene.durationS ? clock(scene.durationS * 1000) : <span className="remote-timers__none">{text.noDuration[lang]}</span>}
                {remaining !== null ? <small> · {text.advancesIn[lang]} {clock(remaining)}</small> : null}
                {run.held ? <small className="remote-held"> · {text.held[lang]}</small> : null}
              </dd>
            </div>
          </dl>
        </section>
        <section className="remote-card remote-card--next" aria-labelledby="remote-next-title" data-testid="next-scene" data-scene-id={nextScene?.id ?? ''}>
          <h2 id="remote-next-title">
            <span className="remote-tag remote-tag--next">{text.next[lang]}</span> {nextScene ? `${run.index + 2}. ${nextScene.title}` : text.lastScene[lang]}
          </h2>
          {nextScene ? thumb(nextScene, `${text.next[lang]}: ${nextScene.title}`) : null}
        </section>
      </div>

      <div className="remote-controls" role="group" aria-label={text.scenes[lang]}>
        <button type="button" className="remote-button remote-button--big" disabled={disabled || run.index === 0} onClick={() => act('previous')} data-action="previous">
          ◀ {text.previous[lang]}
        </button>
        <button type="button" className="remote-button remote-button--big remote-button--primary" disabled={disabled || last} onClick={() => act('next')} data-action="next">
          {text.next[lang]} ▶
        </button>
      </div>

      <div className="remote-controls remote-controls--view">
        <button type="button" className={`remote-button remote-button--mid${run.held ? ' remote-button--on' : ''}`} aria-pressed={run.held} disabled={disabled} onClick={() => act('hold')} data-action="hold">
          {run.held ? `▶ ${text.resume[lang]}` : `❚❚ ${text.hold[lang]}`}
        </button>
        <button type="button" className={`remote-button remote-button--mid${view?.freeze ? ' remote-button--on' : ''}`} aria-pressed={view?.freeze != null} disabled={disabled} onClick={() => act('freeze')} data-action="freeze">
          {view?.freeze ? text.live[lang] : text.freeze[lang]}
        </button>
        <button type="button" className="remote-button remote-button--mid" disabled={disabled} onClick={() => act('pick')} data-action="province">
          {text.province[lang]}
        </button>
        <button type="button" className="remote-button remote-button--mid" disabled={disabled || province === null} onClick={() => act('national')} data-action="national">
          {text.backNational[lang]}
        </button>
      </div>

      <div className="remote-state" role="status" aria-live="polite">
        <p data-testid="freeze-state" data-frozen={view?.freeze ? 'true' : 'false'} data-count={frozen?.changed ?? 0}>
          {view?.freeze ? (
            <>
              <strong>{frozenAtText(view.freeze.at)[lang]}</strong>
              {` · ${newFiguresText(frozen?.changed ?? 0)[lang]}`}
            </>
          ) : (
            text.liveNow[lang]
          )}
        </p>
        <p data-testid="province-state" data-province={province ?? ''}>
          {text.showing[lang]}: <strong>{provinceName ?? text.national[lang]}</strong>
        </p>
      </div>

      <section className="remote-card" aria-labelledby="remote-notes-title" data-testid="notes">
        <h2 id="remote-notes-title">{text.notes[lang]}</h2>
        <p className="remote-notes">{notes.trim() ? notes : text.noNotes[lang]}</p>
      </section>

      <section className="remote-card" aria-labelledby="remote-list-title">
        <h2 id="remote-list-title">{text.scenes[lang]}</h2>
        <ol className="remote-list remote-list--scenes">
          {run.scenes.map((s, i) => (
            <li key={s.id}>
              <button type="button" className="remote-button remote-button--wide" aria-current={i === run.index ? 'step' : undefined} disabled={disabled || i === run.index} onClick={() => act(i)} data-jump={i}>
                <span className="remote-scene-number">{i + 1}</span> {s.title}
                {s.durationS ? <small>{clock(s.durationS * 1000)}</small> : null}
              </button>
            </li>
          ))}
        </ol>
      </section>

      <p className="remote-muted remote-keys">{text.keys[lang]}</p>
      {/* Two taps to end: a stray touch must not end the meeting's run. */}
      {confirmStop ? (
        <div className="remote-controls remote-controls--confirm">
          <button type="button" className="remote-button remote-button--danger" disabled={disabled} onClick={() => void command({ action: 'stop' })} data-action="stop-confirm">
            {text.stopConfirm[lang]}
          </button>
          <button type="button" className="remote-button" onClick={() => setConfirmStop(false)}>
            {text.cancel[lang]}
          </button>
        </div>
      ) : (
        <button type="button" className="remote-button remote-button--danger" disabled={disabled} onClick={() => setConfirmStop(true)} data-action="stop">
          {text.stop[lang]}
        </button>
      )}

      {picking ? (
        <ProvincePicker
          lang={lang}
          current={province}
          disabled={disabled}
          onPick={(code) => {
            setPicking(false);
            void setView({ province: code });
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </div>
  );
}
