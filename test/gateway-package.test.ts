import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const OPTIONAL = ['http-proxy-middleware', 'express-rate-limit'];

describe('the gateway integrations', () => {
  describe('in package.json', () => {
    const pkg = JSON.parse(read('package.json')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };

    it.each(OPTIONAL)('should list %s as an optional peer', (name) => {
      expect(pkg.peerDependencies[name]).toBeDefined();
      expect(pkg.peerDependenciesMeta[name]?.optional).toBe(true);
      expect(pkg.dependencies[name]).toBeUndefined();
    });
  });

  // `npm test` builds dist/ first; the sources are checked too, so this
  // holds before a build.
  describe.each([
    ['the ESM build', 'dist/index.js'],
    ['the CommonJS build', 'dist/index.cjs'],
    ['the gateway sources', 'src/gateway/proxy.ts'],
    ['the rate limit sources', 'src/gateway/rate-limit.ts'],
  ])('in %s', (_what, path) => {
    it.each(OPTIONAL)('should load nothing of %s at run time', (name) => {
      const text = read(path);
      const escaped = name.replace(/[-/]/g, '\\$&');
      const runtime = new RegExp(
        `(require\\(\\s*["']${escaped}["']\\s*\\)|import\\s*\\(\\s*["']${escaped}["']|^\\s*import\\s+(?!type\\b)[^;]*from\\s*["']${escaped}["']|^\\s*export\\s+(?!type\\b)[^;]*from\\s*["']${escaped}["'])`,
        'm',
      );
      expect(text).not.toMatch(runtime);
    });
  });
});
