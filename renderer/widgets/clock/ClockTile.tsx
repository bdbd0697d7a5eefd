import { useEffect, useState } from 'react';
import { FitText } from '../common/FitText';
import type { WidgetProps } from '../common/types';
import { clockView, msToNextTick } from './model';
import './clock.css';

/** Date.now(), re-read on every whole second (or minute): the timer is re-armed on the boundary, so it never drifts. */
function useWallClock(seconds: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      timer = setTimeout(() => {
        setNow(Date.now());
        arm();
      }, msToNextTick(Date.now(), seconds) + 5);
    };
    setNow(Date.now());
    arm();
    return () => clearTimeout(timer);
  }, [seconds]);
  return now;
}

/**
 * The time in Viet Nam, 24-hour ("14:05:09"), with the weekday and date beneath ("Thứ
 * Năm, 26/11/2026") and optionally a second time zone. Only the text changes each second;
 * the time's size is pure CSS (tabular digits have a fixed width), so a tick measures
 * nothing. The date is fitted to the width once a day, when it changes.
 */
/**
 * Each character in a box of its own width: Be Vietnam Pro has no tabular digits (no
 * `tnum` feature, so font-variant-numeric does nothing), and a proportional time would
 * change width, and shift, every second. Digits get one width, separators another.
 */
function FixedWidthTime({ text }: { text: string }) {
  return (
    <>
      {[...text].map((char, index) => (
        <span key={index} className={/\d/.test(char) ? 'bk-digit' : 'bk-sep'}>
          {char}
        </span>
      ))}
    </>
  );
}

export function ClockTile({ tile }: WidgetProps<'clock'>) {
  const { options } = tile;
  const now = useWallClock(options.seconds);
  const view = clockView(now, options);
  return (
    <div className={`board-clock${view.second ? ' board-clock--two' : ''}`} data-time-zone="Asia/Ho_Chi_Minh">
      {tile.title ? (
        <div className="bk-title" data-field="title">
          {tile.title.vi}
        </div>
      ) : null}
      <time className="bk-main" dateTime={view.iso}>
        <div className={`bk-time${options.seconds ? '' : ' bk-time--minutes'}`} data-field="time">
          <FixedWidthTime text={view.time} />
        </div>
        {options.date ? (
          <FitText className="bk-date" data-field="date" minScale={0.875}>
            {view.date}
          </FitText>
        ) : null}
      </time>
      {view.second ? (
        <div className="bk-second" data-time-zone={options.second?.timeZone}>
          <span className="bk-second__label" data-field="zone-2-label">
            {view.second.label}
          </span>
          <span className="bk-second__time" data-field="time-2">
            {view.second.time}
          </span>
          {view.second.sameDay ? null : (
            <span className="bk-second__date" data-field="date-2">
              {view.second.date}
            </span>
          )}
        </div>
      ) : null}
    </div>
  );
}
