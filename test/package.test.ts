import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import express4 from 'express4';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';

// These tests read the built package, as users get it: `npm test` builds
// it first.
const root = fileURLToPath(new URL('..', import.meta.url));
const cjsPath = `${root}dist/index.cjs`;
const esmPath = `${root}dist/index.js`;

type Built = typeof import('express-tcapi');

const builds: Array<[string, () => Promise<Built>]> = [
  ['CommonJS', async () => createRequire(import.meta.url)(cjsPath) as Built],
  ['ESM', async () => (await import(esmPath)) as Built],
];

beforeAll(() => {
  if (!existsSync(cjsPath) || !existsSync(esmPath)) {
    throw new Error('dist/ is missing: run `npm run build` before the tests.');
  }
});

describe.each(builds)('the %s build', (_name, load) => {
  it('should export an error handler with the four parameters Express needs', async () => {
    const { tcapiErrorHandler, tcapiFinish } = await load();
    expect(tcapiErrorHandler().length).toBe(4);
    expect(tcapiFinish()[1].length).toBe(4);
  });

  it('should keep handler names for stack traces', async () => {
    const { tcapi, tcapiErrorHandler } = await load();
    expect(tcapi().name).toBe('tcapiMiddleware');
    expect(tcapiErrorHandler().name).toBe('tcapiErrorHandler');
  });

  it('should be recognised as error middleware by Express 4', async () => {
    const { tcapi, tcapiFinish, ApiError } = await load();
    const app = express4();
    app.use(tcapi());
    app.get('/', () => {
      throw new ApiError('ResourceNotFound', 'gone');
    });
    app.use(tcapiFinish());
    const res = await request(app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body.Response.Error).toEqual({
      Code: 'ResourceNotFound',
      Message: 'gone',
    });
    expect(res.body.Response.RequestId).toBe(res.headers['x-tc-requestid']);
  });
});

describe('the packed tarball', () => {
  it('should hold the builds and their type declarations, and no sources', () => {
    const output = execFileSync(
      'npm',
      ['pack', '--dry-run', '--json', '--ignore-scripts'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const [{ files }] = JSON.parse(output) as [{ files: { path: string }[] }];
    const paths = files.map((file) => file.path).sort();
    expect(paths).toEqual(
      expect.arrayContaining([
        'dist/index.cjs',
        'dist/index.d.cts',
        'dist/index.d.ts',
        'dist/index.js',
        'package.json',
      ]),
    );
    expect(
      paths.filter((path) => /^(src|test|example-app)\//.test(path)),
    ).toEqual([]);
  });
});
