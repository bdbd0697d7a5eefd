import type { FastifyInstance } from 'fastify';
import { appError } from '../../shared/errors';
import { HttpFailure } from './reply';

/**
 * No document of the API nests deeper than a dozen levels (a layout's tile options are the
 * deepest). Deeper bodies are refused before they are parsed, because everything downstream
 * that walks them recursively (JSON.stringify for the idempotency hash, validators,
 * structuredClone) would overflow the stack on 5,000 nested arrays (10 kB) and answer 500.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of a JSON text, in one pass over its characters (brackets inside strings
 * do not count), stopping as soon as it passes `max`. Malformed text is left to the parser.
 */
export function jsonDepthExceeds(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Fastify's own JSON parser (secure-json-parse: `__proto__` and `constructor.prototype` keys
 * refused) behind a depth check; and a refusal of compressed bodies, which Fastify would
 * otherwise read as if they were plain (a body labelled gzip was parsed as JSON).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      throw new HttpFailure(415, appError('request.content_encoding_unsupported', { encoding: JSON.stringify(encoding.slice(0, 40)) }));
    }
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepthExceeds(text)) {
      done(new HttpFailure(400, appError('request.json_too_deep', { max: MAX_JSON_DEPTH })), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
