import { useMemo } from 'react';
import { useViewProvince } from '../../store/context';

/** The province the briefing view drills into (shared/wall/view.ts), or null: national; a prepared scene's own (renderer/store/context.tsx). */
export const useDrillProvince = (): string | null => useViewProvince();

/**
 * A map's options under the briefing view: the drilled province is the one highlighted,
 * over the tile's own highlight (which comes back with the national view).
 */
export function useDrillHighlight<T extends { highlight?: string | undefined }>(options: T): T {
  const drill = useDrillProvince();
  return useMemo(() => (drill === null || drill === options.highlight ? options : { ...options, highlight: drill }), [options, drill]);
}
