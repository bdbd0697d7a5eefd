import type { Layout } from '../../shared/layout/schema';
import type { WallState } from '../../shared/protocol/control';
import type { WallProfile } from '../../shared/wall/profile';

export interface RevisionStore {
  load(): number;
  save(revision: number): void;
}

/**
 * The wall's state, owned by the server: the active profile and layout, and a revision
 * that rises with every accepted change. The revision is persisted, and a start counts as
 * a change, so a client never sees it go backwards across restarts.
 */
export class WallStateStore {
  private state: WallState;
  private readonly listeners = new Set<(state: WallState) => void>();

  constructor(
    initial: { profile: WallProfile; layout: Layout },
    private readonly revisions: RevisionStore,
  ) {
    const revision = revisions.load() + 1;
    revisions.save(revision);
    this.state = { revision, ...initial };
  }

  get(): WallState {
    return this.state;
  }

  setLayout(layout: Layout): { changed: boolean; state: WallState } {
    return this.replace({ layout });
  }

  setProfile(profile: WallProfile): { changed: boolean; state: WallState } {
    return this.replace({ profile });
  }

  onChange(listener: (state: WallState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applying what is already active (a saved-but-unchanged file) is not a change. */
  private replace(part: Partial<Pick<WallState, 'profile' | 'layout'>>): { changed: boolean; state: WallState } {
    const next = { ...this.state, ...part };
    if (JSON.stringify(next.layout) === JSON.stringify(this.state.layout) && JSON.stringify(next.profile) === JSON.stringify(this.state.profile)) {
      return { changed: false, state: this.state };
    }
    next.revision = this.state.revision + 1;
    this.revisions.save(next.revision);
    this.state = next;
    for (const listener of this.listeners) listener(next);
    return { changed: true, state: next };
  }
}
