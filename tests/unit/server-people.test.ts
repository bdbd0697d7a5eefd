import { describe, expect, it } from 'vitest';
import { csrfTokenMatches, isOwnOrigin } from '../../server/auth/people';
import type { SessionRow } from '../../server/auth/sessions';

const session: SessionRow = { id: 1, userId: 1, csrfToken: 'c'.repeat(43), createdAt: 0, lastSeenAt: 0, idleExpiresAt: 1, absoluteExpiresAt: 1 };

describe('CSRF defences (server/auth/people.ts)', () => {
  it('takes only the exact CSRF token of the session, one header, bounded', () => {
    expect(csrfTokenMatches('c'.repeat(43), session)).toBe(true);
    for (const bad of [undefined, '', 'c'.repeat(42), `${'c'.repeat(43)} `, 'C'.repeat(43), ['c'.repeat(43), 'c'.repeat(43)], 'c'.repeat(10_000)]) {
      expect(csrfTokenMatches(bad, session)).toBe(false);
    }
  });

  it('knows its own origin by scheme and Host, and nothing else', () => {
    expect(isOwnOrigin('http://127.0.0.1:8787', '127.0.0.1:8787', false)).toBe(true);
    expect(isOwnOrigin('http://Vung-Tau.local:8787', 'vung-tau.local:8787', false)).toBe(true);
    expect(isOwnOrigin('https://wall.example', 'wall.example', true)).toBe(true);
    for (const [origin, host, secure] of [
      ['http://wall.example', 'wall.example', true],
      ['https://wall.example', 'wall.example', false],
      ['http://127.0.0.1:8788', '127.0.0.1:8787', false],
      ['http://evil.example', '127.0.0.1:8787', false],
      ['null', '127.0.0.1:8787', false],
      ['app://toancanh', '127.0.0.1:8787', false],
      ['http://127.0.0.1:8787', undefined, false],
      ['http://127.0.0.1:8787/', '127.0.0.1:8787', false],
    ] as const) {
      expect(isOwnOrigin(origin, host, secure), `${origin} on ${host}`).toBe(false);
    }
  });
});
