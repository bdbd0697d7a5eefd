import type { z } from 'zod';
import { changeBatchSchema, snapshotSchema, subscribeReplySchema, type SubscribeReply } from '../../shared/protocol/feed';
import { identifyEventSchema, testPatternEventSchema, wallStateSchema } from '../../shared/protocol/control';
import { wallViewEventSchema } from '../../shared/wall/view';
import { issuesToErrors } from '../../shared/layout/load';
import type { WallStore } from '../store/wallStore';
import { rendererLog } from '../log';

/**
 * The gate between the network and the store. A type is not a check: every payload is
 * validated with the shared zod schema, and one that fails is refused WHOLE (never
 * partially applied), logged with what was wrong, and the wall keeps its last good state.
 */

const MAX_LOGGED_ISSUES = 8;

function refuse(what: string, error: z.ZodError): void {
  const errors = issuesToErrors(error.issues);
  const lines = errors.slice(0, MAX_LOGGED_ISSUES).map((e) => `  ${e.path}: ${e.message}`);
  if (errors.length > MAX_LOGGED_ISSUES) lines.push(`  … and ${errors.length - MAX_LOGGED_ISSUES} more`);
  rendererLog.error(`refused an invalid ${what}; keeping the last good state\n${lines.join('\n')}`, { problems: errors.length });
}

/** /feed `snapshot`: replaces all data at the next frame. Returns whether it was accepted. */
export function acceptSnapshot(store: WallStore, payload: unknown): boolean {
  const parsed = snapshotSchema.safeParse(payload);
  if (!parsed.success) {
    refuse('snapshot', parsed.error);
    return false;
  }
  store.ingestSnapshot(parsed.data);
  return true;
}

/** /feed `changes`: queued; only changes newer than the last applied seq take effect. */
export function acceptChanges(store: WallStore, payload: unknown): boolean {
  const parsed = changeBatchSchema.safeParse(payload);
  if (!parsed.success) {
    refuse('change batch', parsed.error);
    return false;
  }
  store.ingestChanges(parsed.data);
  return true;
}

/** /control `wallState`: a refused state leaves the current profile and layout on the wall. */
export function acceptWallState(store: WallStore, payload: unknown): boolean {
  const parsed = wallStateSchema.safeParse(payload);
  if (!parsed.success) {
    refuse('wall state', parsed.error);
    return false;
  }
  store.setWallState(parsed.data);
  return true;
}

/** /control `identify` and `testPattern`: validated; a malformed one changes nothing on screen. */
export function acceptCommand(store: WallStore, kind: 'identify' | 'testPattern', payload: unknown): boolean {
  if (kind === 'identify') {
    const parsed = identifyEventSchema.safeParse(payload);
    if (!parsed.success) {
      refuse('identify', parsed.error);
      return false;
    }
    store.setCommand({ identify: parsed.data });
    return true;
  }
  const parsed = testPatternEventSchema.safeParse(payload);
  if (!parsed.success) {
    refuse('test pattern', parsed.error);
    return false;
  }
  store.setCommand({ testPattern: parsed.data });
  return true;
}

/** The reply to `subscribe`, validated like everything else; null when malformed. */
export function parseSubscribeReply(payload: unknown): SubscribeReply | null {
  const parsed = subscribeReplySchema.safeParse(payload);
  if (!parsed.success) {
    refuse('subscribe reply', parsed.error);
    return null;
  }
  return parsed.data;
}

/** /control `wallView`: a malformed view leaves the wall as it is (frozen stays frozen). */
export function acceptWallView(store: WallStore, payload: unknown): boolean {
  const parsed = wallViewEventSchema.safeParse(payload);
  if (!parsed.success) {
    refuse('wall view', parsed.error);
    return false;
  }
  store.setView(parsed.data);
  return true;
}
