import { useMemo } from 'react';
import { messages } from '../../shared/i18n';
import { useWall } from '../store/context';
import { ConnectionStatus } from './ConnectionStatus';
import { Notice } from './Notice';
import { planWall, type WallPlan } from '../surface/plan';
import { PreviewView } from './PreviewView';
import { ScreenView } from './ScreenView';
import { PREVIEW_SCREEN_ID } from './boot';
import { rendererLog } from '../log';

/** The wall as this window shows it: one screen, or the preview of all of them. */
export function WallView({ screenId }: { screenId: string }) {
  const wall = useWall((s) => s.wall);
  const planned = useMemo((): { plan: WallPlan } | { error: string } | null => {
    if (!wall) return null;
    try {
      return { plan: planWall(wall.profile, wall.layout) };
    } catch (error) {
      rendererLog.error('cannot place the layout on the profile', { layout: wall.layout.id, profile: wall.profile.id, err: error });
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [wall]);

  if (!wall || !planned) {
    return (
      <Notice text={messages.waitingForWall} screenId={screenId}>
        <ConnectionStatus preview={screenId === PREVIEW_SCREEN_ID} />
      </Notice>
    );
  }
  if ('error' in planned) {
    return (
      <Notice text={messages.bootFailed} screenId={screenId}>
        {planned.error}
      </Notice>
    );
  }
  return screenId === PREVIEW_SCREEN_ID ? (
    <PreviewView plan={planned.plan} profile={wall.profile} revision={wall.revision} />
  ) : (
    <ScreenView plan={planned.plan} screenId={screenId} revision={wall.revision} />
  );
}
