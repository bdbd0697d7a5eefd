import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/app-version';
import { projectRoot } from '../support/paths';

it('the version a browser wall page reports is package.json’s', () => {
  const pkg = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string };
  expect(APP_VERSION).toBe(pkg.version);
});
