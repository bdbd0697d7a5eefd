import { useMemo, type CSSProperties } from 'react';
import { COMPLIANCE_STATUS_NAMES, type ComplianceStatus } from '../../../shared/compliance/status';
import { messages } from '../../../shared/i18n';
import { useWall } from '../../store/context';
import { selectCompliance, selectRegimes } from '../../store/selectors';
import { StatusIcon } from '../common/board-icons';
import { useTextMeasure } from '../common/board-measure';
import { usePageRotation } from '../common/board-rotation';
import { FitText } from '../common/FitText';
import { NationalScopeMark } from '../common/NationalScopeMark';
import { TileMessage } from '../common/TileMessage';
import { useNow } from '../common/useNow';
import type { WidgetProps } from '../common/types';
import { complianceView, rowFontCqh, type ComplianceCell, type ComplianceView } from './model';
import './compliance.css';

/**
 * The compliance board (tình hình chấp hành chế độ báo cáo): agencies × regimes at the
 * period the options pick, each cell a status with its mark (✓ ! ✕ ·) and, for late and
 * missing reports, the words; the header counts every report. Type is sized for
 * `rowsPerPage` rows and never shrinks below it: more rows make more pages, in turn.
 */
export function ComplianceTile({ tile, rect }: WidgetProps<'compliance'>) {
  const options = tile.options;
  const compliance = useWall(selectCompliance);
  const regimes = useWall(selectRegimes);
  const now = useNow();
  const measure = useTextMeasure();
  const view = useMemo(
    () => complianceView({ entries: Object.values(compliance), regimes, options, now, size: { width: rect.width, height: rect.height }, measure }),
    [compliance, regimes, options, now, rect.width, rect.height, measure],
  );
  const pageCount = view?.pages.length ?? 0;
  const page = usePageRotation(pageCount, options.pageSeconds);

  if (!view) return <TileMessage kind="no-data" text={messages.noData} />;
  const { columns, lines } = view.pages[page] ?? view.pages[0]!;
  const title = tile.title?.vi ?? messages.complianceTitle.vi;
  const style = {
    '--bc-rows': options.rowsPerPage,
    '--bc-cols': Math.max(1, columns.length),
    '--bc-name': `${view.nameEm.toFixed(2)}em`,
    '--bc-font': `${rowFontCqh(options.rowsPerPage, view.layout).toFixed(3)}cqh`,
  } as CSSProperties;

  return (
    <div
      className={`board-compliance board-compliance--${view.layout}`}
      data-columns={columns.map((c) => c.regime).join(' ') || undefined}
      style={style}
      data-layout={view.layout}
      data-rows-kind={options.rows}
      data-wording={view.wording}
      data-page={page + 1}
      data-pages={pageCount}
      data-status-count-on-time={view.counts['on-time']}
      data-status-count-late={view.counts.late}
      data-status-count-missing={view.counts.missing}
      data-status-count-not-due={view.counts['not-due']}
    >
      <header className="bc-head">
        <div className="bc-head__title-row">
          <FitText className="bc-head__title" data-field="title" minScale={0.9}>
            {title}
          </FitText>
          {pageCount > 1 ? (
            <div className="bc-head__page" data-field="page" title={`Trang ${page + 1}/${pageCount}`}>
              {page + 1}/{pageCount}
            </div>
          ) : null}
        </div>
        <Counts view={view} />
      </header>

      {view.layout === 'matrix' ? (
        <div className="bc-table" role="table" aria-label={title}>
          <div className="bc-row bc-row--head" role="row">
            <div className="bc-corner" role="columnheader">
              {view.corner}
            </div>
            {columns.map((column) => (
              <div key={column.regime} className="bc-colhead" role="columnheader" data-regime={column.regime} data-period={column.period ?? undefined} title={`${column.name.vi} — ${column.periodLong}`}>
                <div className="bc-colhead__subject">{column.subject}</div>
                <div className="bc-colhead__period">{column.periodShort}</div>
              </div>
            ))}
          </div>
          <div className="bc-body" key={page} role="rowgroup">
            {lines.length === 0 ? <AllClear /> : null}
            {lines.map((line) => (
              <div key={line.agency} className="bc-row" role="row" data-agency={line.agency}>
                <div className="bc-name" role="rowheader" data-field="agency-name">
                  {line.name}
                </div>
                {line.cells.map((cell) => (
                  <Cell key={cell.regime} cell={cell} agency={line.agency} />
                ))}
              </div>
            ))}
          </div>
        </div>
      ) : (
        <div className="bc-list" key={page} role="list" aria-label={title}>
          {lines.length === 0 ? <AllClear /> : null}
          {lines.map((line) => (
            <div
              key={`${line.agency}|${line.cells[0]?.regime ?? ''}`}
              className={`bc-row bc-row--chips${line.name ? '' : ' bc-row--continued'}`}
              role="listitem"
              data-agency={line.agency}
            >
              <div className="bc-name" data-field="agency-name">
                {line.name}
              </div>
              <div className="bc-chips">
                {line.cells.map((cell) => (
                  <Cell key={cell.regime} cell={cell} agency={line.agency} chip />
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function Cell({ cell, agency, chip = false }: { cell: ComplianceCell; agency: string; chip?: boolean }) {
  return (
    <div
      className={`bc-cell bc-cell--${cell.status}${chip ? ' bc-cell--chip' : ''}`}
      role="cell"
      data-cell-status={cell.status}
      data-regime={cell.regime}
      data-agency={agency}
      data-period={cell.period ?? undefined}
      data-days={cell.days ?? undefined}
      title={cell.title}
    >
      {cell.status === 'none' ? <span className="bc-cell__none">–</span> : <StatusIcon status={cell.status} className="bc-cell__mark" />}
      {chip ? <span className="bc-cell__subject">{cell.label}</span> : null}
      {cell.text ? <span className="bc-cell__text">{cell.text}</span> : null}
    </div>
  );
}

const COUNTED: readonly ComplianceStatus[] = ['on-time', 'late', 'missing', 'not-due'];

function Counts({ view }: { view: ComplianceView }) {
  return (
    <div className="bc-counts">
      {COUNTED.filter((s) => s !== 'not-due' || view.counts[s] > 0).map((status) => (
        <div key={status} className={`bc-count bc-count--${status}`} data-field={`count-${status}`} data-count={view.counts[status]}>
          <StatusIcon status={status} className="bc-count__mark" />
          <span className="bc-count__value">{view.counts[status]}</span>
          <span className="bc-count__label">{COMPLIANCE_STATUS_NAMES[status].vi.toLocaleLowerCase('vi')}</span>
        </div>
      ))}
      <NationalScopeMark className="bc-scope" />
    </div>
  );
}

function AllClear() {
  return (
    <div className="bc-all-clear" data-field="all-clear">
      <StatusIcon status="on-time" /> {messages.complianceNoProblems.vi}
    </div>
  );
}
