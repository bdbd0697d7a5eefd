import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../shared/json-schemas';

const root = resolve(import.meta.dirname, '../..');

describe('generated JSON Schemas', () => {
  for (const [file, generate] of Object.entries(schemaFiles)) {
    it(`${file} is up to date with its zod schema (npm run schema regenerates it)`, () => {
      const fresh = `${JSON.stringify(generate(), null, 2)}\n`;
      const path = resolve(root, file);
      if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(path, fresh);
      expect(readFileSync(path, 'utf8'), `${file} is stale: run npm run schema`).toBe(fresh);
    });
  }
});
