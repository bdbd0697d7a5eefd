import type { Direction } from '../../../shared/protocol/model';

/**
 * Good/bad colouring that survives colour blindness: blue-ish for good news, orange for
 * bad, grey for neither — never red against green — and always with an arrow and a sign,
 * so the colour is a second cue, not the only one.
 */
export type Tone = 'good' | 'bad' | 'neutral';

/** The tone of a change of `delta` for an indicator whose rise is `direction` news. */
export function toneOf(direction: Direction | undefined, delta: number): Tone {
  if (!Number.isFinite(delta) || delta === 0 || !direction || direction === 'neutral') return 'neutral';
  const rising = delta > 0;
  return rising === (direction === 'up') ? 'good' : 'bad';
}

export const toneClass = (tone: Tone): string => `tone-${tone}`;

/** ▲ rise, ▼ fall, = unchanged (at the precision shown). */
export function arrowOf(delta: number): '▲' | '▼' | '=' {
  return delta > 0 ? '▲' : delta < 0 ? '▼' : '=';
}
