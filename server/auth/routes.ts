import { routes } from '../../shared/api';
import { fail } from '../http/reply';
import type { Router } from '../http/route';
import type { TokenStore } from './tokens';

/**
 * Token administration (admin only). A new token is returned once, in the 201 response;
 * only its hash is kept. Revoking a token also drops its open sockets.
 */
export function registerTokenRoutes(router: Router, tokens: TokenStore, onRevoke: (tokenId: number) => void): void {
  router.route(routes.tokens.create).handle(({ body, log }) => {
    const { token, info } = tokens.create({ role: body.role, agency: body.agency ?? null, label: body.label, demo: body.demo ?? false });
    log.info({ tokenId: info.tokenId, role: info.role, agency: info.agency, demo: info.demo }, 'token created');
    return { status: 201, body: { token, ...info } };
  });

  router.route(routes.tokens.list).handle(() => ({ status: 200, body: { tokens: tokens.list() } }));

  router.route(routes.tokens.revoke).handle(({ params, log }) => {
    const id = /^\d{1,15}$/.test(params.id) ? Number(params.id) : Number.NaN;
    const outcome = Number.isSafeInteger(id) ? tokens.revoke(id) : 'not-found';
    if (outcome === 'not-found') fail('token.not_found', { id: params.id });
    if (outcome === 'bootstrap') fail('token.bootstrap');
    onRevoke(id);
    log.info({ tokenId: id }, 'token revoked');
    return { status: 204, body: undefined };
  });
}
