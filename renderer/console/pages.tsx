import type { JSX } from 'react';
import type { ApiClient } from '../api/client';
import { SETUP_ROLES, type Role } from '../../shared/protocol/roles';
import type { Drafts } from './drafts';
import { EditorPage } from './EditorPage';
import type { Lang } from './i18n';
import { LibraryPage } from './LibraryPage';
import { FleetPage } from './pages/fleet/FleetPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { AuditPage } from './pages/AuditPage';
import { BriefingsPage } from './pages/briefings/BriefingsPage';
import { ImportBinPage } from './pages/ImportBinPage';
import { LivePage } from './pages/LivePage';
import { UsersPage } from './pages/UsersPage';
import { VersionsPage } from './pages/VersionsPage';
import type { Session } from './session';

/**
 * The console's pages, one entry each. A page is reached at `#/<id>` or `#/<id>/<param>`
 * (so the browser's back button, a bookmark and a reload keep the place), shown in the
 * header's navigation when `nav` is set, and only to people holding one of `roles`
 * (the server checks again on every request: hiding a page is convenience, not security).
 *
 * To add a page: a component in `pages/`, and one entry here.
 */
export interface PageContext {
  session: Session;
  client: ApiClient;
  lang: Lang;
  drafts: Drafts;
  onSessionEnded(): void;
  go(to: PageAddress): void;
}

export interface PageAddress {
  page: string;
  param?: string;
}

export interface ConsolePage {
  id: string;
  label: { vi: string; en: string };
  /** Who sees it; null: everyone signed in. */
  roles: readonly Role[] | null;
  nav: boolean;
  render(context: PageContext, param: string | undefined): JSX.Element;
}

export const consolePages: readonly ConsolePage[] = [
  {
    id: 'library',
    label: { vi: 'Thư viện bố cục', en: 'Layout library' },
    roles: null,
    nav: true,
    render: (c) => (
      <LibraryPage
        client={c.client}
        onOpen={(layoutId) => c.go({ page: 'editor', param: layoutId })}
        onVersions={(layoutId) => c.go({ page: 'versions', param: layoutId })}
        onSessionEnded={c.onSessionEnded}
      />
    ),
  },
  {
    id: 'editor',
    label: { vi: 'Sửa bố cục', en: 'Edit layout' },
    roles: null,
    nav: false,
    render: (c, layoutId) => (
      <EditorPage
        key={layoutId}
        client={c.client}
        layoutId={layoutId ?? ''}
        drafts={c.drafts}
        onOpen={(next) => c.go({ page: 'editor', param: next })}
        onBack={() => c.go({ page: 'library' })}
        onVersions={() => c.go({ page: 'versions', param: layoutId ?? '' })}
        onSessionEnded={c.onSessionEnded}
      />
    ),
  },
  {
    id: 'versions',
    label: { vi: 'Phiên bản', en: 'Versions' },
    roles: null,
    nav: false,
    render: (c, layoutId) => (
      <VersionsPage
        key={layoutId}
        client={c.client}
        layoutId={layoutId ?? ''}
        onEdit={(id) => c.go({ page: 'editor', param: id })}
        onBack={() => c.go({ page: 'library' })}
        onSessionEnded={c.onSessionEnded}
      />
    ),
  },
  {
    id: 'import',
    label: { vi: 'Nhập tệp & thùng rác', en: 'Import & bin' },
    roles: ['operator', 'admin'],
    nav: true,
    render: (c) => <ImportBinPage client={c.client} onOpen={(id) => c.go({ page: 'editor', param: id })} onSessionEnded={c.onSessionEnded} />,
  },
  {
    id: 'live',
    label: { vi: 'Trên tường & lịch', en: 'Live & schedule' },
    roles: null,
    nav: true,
    render: (c) => <LivePage client={c.client} roles={c.session.user.roles} onSessionEnded={c.onSessionEnded} />,
  },
  {
    id: 'briefings',
    label: { vi: 'Phiên giao ban', en: 'Briefings' },
    roles: ['operator', 'admin', 'presenter'],
    nav: true,
    render: (c, param) => (
      <BriefingsPage
        client={c.client}
        param={param}
        canEdit={c.session.user.roles.some((r) => r === 'operator' || r === 'admin')}
        onGo={(next) => c.go({ page: 'briefings', ...(next === undefined ? {} : { param: next }) })}
        drafts={c.drafts.briefings}
        onSessionEnded={c.onSessionEnded}
      />
    ),
  },
  {
    id: 'audit',
    label: { vi: 'Nhật ký', en: 'Audit log' },
    roles: null,
    nav: true,
    render: (c) => <AuditPage client={c.client} onSessionEnded={c.onSessionEnded} />,
  },
  {
    id: 'users',
    label: { vi: 'Tài khoản', en: 'Accounts' },
    roles: ['admin'],
    nav: true,
    render: (c) => <UsersPage client={c.client} selfId={c.session.user.id} onSessionEnded={c.onSessionEnded} />,
  },
  {
    id: 'profile',
    label: { vi: 'Cấu hình phần cứng', en: 'Wall hardware' },
    roles: ['technician', 'admin'],
    nav: true,
    render: (c, profileId) => <ProfilePage client={c.client} profileId={profileId} onOpen={(id) => c.go({ page: 'profile', ...(id === undefined ? {} : { param: id }) })} onSessionEnded={c.onSessionEnded} />,
  },
  {
    // Operators read the health board too (GET /api/v1/fleet allows them); the page lets only technicians and admins change the map.
    id: 'fleet',
    label: { vi: 'Đội màn hình', en: 'Display fleet' },
    roles: SETUP_ROLES,
    nav: true,
    render: (c) => <FleetPage client={c.client} roles={c.session.user.roles} onSessionEnded={c.onSessionEnded} />,
  },
];

export const DEFAULT_PAGE = 'library';

export function canSee(page: ConsolePage, roles: readonly Role[]): boolean {
  return page.roles === null || page.roles.some((role) => roles.includes(role));
}

/** `#/editor/abc` → { page: 'editor', param: 'abc' }; anything unknown → the default page. */
export function parseAddress(hash: string): PageAddress {
  const [page, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const param = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  return page ? { page: decodeURIComponent(page), ...(param === undefined ? {} : { param }) } : { page: DEFAULT_PAGE };
}

export function formatAddress(to: PageAddress): string {
  return `#/${encodeURIComponent(to.page)}${to.param === undefined ? '' : `/${encodeURIComponent(to.param)}`}`;
}
