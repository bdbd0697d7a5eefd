import type { JSX } from 'react';
import type { ApiClient } from '../../../api/client';
import type { Drafts } from '../../drafts';
import { BriefingEditor } from './BriefingEditor';
import { BriefingList } from './BriefingList';

/**
 * "Phiên giao ban" (issue 10): `#/briefings` lists them, `#/briefings/new` starts one,
 * `#/briefings/<id>` opens one. Operators edit and run; presenters read and run (the server
 * checks both on every call).
 */
export function BriefingsPage({ client, param, canEdit, onGo, drafts, onSessionEnded }: { client: ApiClient; param: string | undefined; canEdit: boolean; onGo(param: string | undefined): void; drafts: Drafts['briefings']; onSessionEnded(): void }): JSX.Element {
  if (param === undefined) return <BriefingList client={client} canEdit={canEdit} onOpen={(id) => onGo(id)} onSessionEnded={onSessionEnded} />;
  const id = param === 'new' ? null : param;
  // Not keyed by the address: a new briefing saved moves to its own address without losing the page's words.
  return <BriefingEditor client={client} briefingId={id} canEdit={canEdit} onOpen={(next) => onGo(next)} onBack={() => onGo(undefined)} drafts={drafts} onSessionEnded={onSessionEnded} />;
}
