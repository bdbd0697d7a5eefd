import { schemeAndHost } from './app-origin';

/**
 * Which web permissions a wall page gets: none, except reaching the reporting server.
 * A wall needs no camera, notifications or geolocation, and nobody is there to answer
 * a prompt. Chromium's Local Network Access gates requests from a page to loopback and
 * LAN addresses behind a permission (reported enforced from Electron 43); the feed is
 * exactly such a request (127.0.0.1, or a server in the ministry's LAN), so our own
 * pages keep it. The names are plain strings: Electron 41's typings do not list them.
 */
const LOCAL_NETWORK_PERMISSIONS = new Set(['local-network-access', 'local-network', 'loopback-network']);

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, trustedOrigin: string): boolean {
  if (!LOCAL_NETWORK_PERMISSIONS.has(permission) || !requestingUrl) return false;
  const trusted = schemeAndHost(trustedOrigin);
  const requester = schemeAndHost(requestingUrl);
  return trusted !== null && requester !== null && requester.scheme === trusted.scheme && requester.host === trusted.host;
}
