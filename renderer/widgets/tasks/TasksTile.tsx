import { useMemo } from 'react';
import { messages } from '../../../shared/i18n';
import { useWall } from '../../store/context';
import { selectTasks } from '../../store/selectors';
import { NationalScopeMark } from '../common/NationalScopeMark';
import { TileMessage } from '../common/TileMessage';
import { useNow } from '../common/useNow';
import type { WidgetProps } from '../common/types';
import { tasksView } from './model';
import './tasks.css';

/**
 * Overdue tasks assigned by the Government and the Prime Minister, one row per agency in
 * charge: how many, the longest overdue in working days and its document. The header counts
 * every task by status. Type never shrinks: more agencies than rows are counted, not drawn.
 */
export function TasksTile({ tile }: WidgetProps<'tasks'>) {
  const tasks = useWall(selectTasks);
  const now = useNow();
  const view = useMemo(() => tasksView(Object.values(tasks), now, tile.options.maxRows), [tasks, now, tile.options.maxRows]);
  if (!view) return <TileMessage kind="no-data" text={messages.noData} />;
  const title = tile.title?.vi ?? messages.tasksTitle.vi;
  return (
    <div className="board-tasks" data-overdue={view.counts.overdue} data-in-progress={view.counts['in-progress']} data-rows={view.rows.length}>
      <header className="tk-head">
        <div className="tk-title" data-field="title">
          {title}
        </div>
        <div className="tk-counts" data-field="counts">
          <span className="tk-count tk-count--overdue">
            <b>{view.counts.overdue}</b> quá hạn
          </span>
          <span className="tk-count">
            <b>{view.counts['in-progress']}</b> đang làm
          </span>
          <span className="tk-marks">
            {view.demo ? (
              <span className="tk-demo" data-field="demo" title={messages.demo.en}>
                {messages.demo.vi}
              </span>
            ) : null}
            <NationalScopeMark />
          </span>
        </div>
      </header>
      {view.rows.length === 0 ? (
        <div className="tk-none" data-field="none">
          ✓ {messages.tasksNoneOverdue.vi}
        </div>
      ) : (
        <ol className="tk-rows">
          {view.rows.map((row) => (
            <li key={row.agency} className="tk-row" data-agency={row.agency} data-overdue={row.overdue}>
              <span className="tk-name" data-field="agency-name">
                {row.name}
              </span>
              <span className="tk-n" data-field="overdue">
                {row.overdue}
              </span>
              <span className="tk-days" data-field="longest" title={row.document}>
                {row.longest} ngày
              </span>
            </li>
          ))}
          {view.more > 0 ? <li className="tk-more">+{view.more} cơ quan</li> : null}
        </ol>
      )}
    </div>
  );
}
