import { messages } from '../../../shared/i18n';
import { useDrillProvince } from './view-drill';

/**
 * «toàn quốc» in a tile's own header while the wall is drilled into a province, for the
 * widgets whose figures the drill-down does not filter and whose corners are full (the
 * compliance board, the tasks board): laid out with the header, it cannot cover a title or
 * a DEMO mark as the view's corner badge did (renderer/wall/view/ViewTiles.tsx).
 */
export function NationalScopeMark({ className }: { className?: string }) {
  const drill = useDrillProvince();
  if (drill === null) return null;
  return (
    <span className={`tile-scope-mark${className ? ` ${className}` : ''}`} data-view-scope="national" title={messages.viewNational.en}>
      {messages.viewNational.vi}
    </span>
  );
}
