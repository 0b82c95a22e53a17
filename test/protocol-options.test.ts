import { describe, expect, it } from 'vitest';
import { actionRouter, type ActionRouterOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
} from './helpers/express-versions.js';
import { CREDENTIALS, protocolApp } from './helpers/protocol-app.js';
import { tc3Post, VERSION } from './helpers/protocol-requests.js';

// Misconfiguration fails when actionRouter() is called, with a TypeError
// that names the option and what was received.

const describeInstances = () => ({});
const versions = { [VERSION]: { DescribeInstances: describeInstances } };

/** actionRouter() with options a type-checked caller could not write. */
const routerWith = (options: Record<string, unknown>) => () =>
  actionRouter({ versions, ...options } as unknown as ActionRouterOptions);

const withEntry = (entry: unknown) =>
  routerWith({ versions: { [VERSION]: { DescribeInstances: entry } } });

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter() misconfigured', () => {
    describe.each([
      ['credentials is a number', { credentials: 42 }, /`credentials`.*42/],
      ['credentials is an empty string', { credentials: '' }, /`credentials`/],
      [
        'a credential has an empty key',
        { credentials: { AKIDx: '' } },
        /AKIDx.*secretKey/,
      ],
      [
        'a credential has no key',
        { credentials: { AKIDx: { token: 't' } } },
        /AKIDx.*secretKey/,
      ],
      [
        'limits.get is not a size',
        { limits: { get: 'lots' } },
        /`limits\.get`.*lots/,
      ],
      [
        'limits.form is negative',
        { limits: { form: -5 } },
        /`limits\.form`.*-5/,
      ],
      ['limits.json is zero', { limits: { json: 0 } }, /`limits\.json`.*0/],
      ['regions is a string', { regions: 'ap-guangzhou' }, /`regions`/],
      [
        'maxSkewSeconds is negative',
        { credentials: CREDENTIALS, maxSkewSeconds: -1 },
        /`maxSkewSeconds`.*-1/,
      ],
      [
        'maxSkewSeconds is negative without credentials',
        { maxSkewSeconds: -1 },
        /`maxSkewSeconds`/,
      ],
      ['an option is misspelled', { region: ['ap-guangzhou'] }, /`region`/],
      [
        'credentials is one credential, not a table',
        { credentials: { secretId: 'AKIDx', secretKey: 'k' } },
        /\{ \[secretId\]: secretKey \}/,
      ],
      ['versions is missing', { versions: undefined }, /`versions`/],
    ])('when %s', (_case, options, named) => {
      it('should throw a TypeError naming the option', () => {
        expect(routerWith(options)).toThrow(TypeError);
        expect(routerWith(options)).toThrow(named);
      });
    });

    describe.each([
      ['a string', 'DescribeInstances'],
      ['null', null],
      ['an object without a handler', { params: { type: 'object' } }],
      ['a handler that is not a function', { handler: 'run' }],
      ['retired but not true', { retired: 'yes' }],
    ])('when an action entry is %s', (_case, entry) => {
      it('should throw a TypeError naming the action and its version', () => {
        expect(withEntry(entry)).toThrow(TypeError);
        expect(withEntry(entry)).toThrow(/DescribeInstances.*2017-03-12/);
      });
    });

    describe.each([
      [
        'an unknown type',
        { type: 'object', properties: { Limit: { type: 'int' } } },
      ],
      [
        'an unknown keyword',
        { type: 'object', properties: { Limit: { kind: 'integer' } } },
      ],
      ['a root that is not an object', { type: 'array' }],
      [
        'an unknown format',
        {
          type: 'object',
          properties: { At: { type: 'string', format: 'moment' } },
        },
      ],
    ])('when an action schema has %s', (_case, params) => {
      it('should throw a TypeError', () => {
        expect(withEntry({ params, handler: describeInstances })).toThrow(
          TypeError,
        );
      });

      it('should name the action', () => {
        expect(withEntry({ params, handler: describeInstances })).toThrow(
          /DescribeInstances/,
        );
      });
    });

    describe('when every option is valid', () => {
      it('should make a router that answers', async () => {
        const app = protocolApp(express, {
          versions,
          credentials: CREDENTIALS,
          regions: ['ap-guangzhou'],
          maxSkewSeconds: 120,
          limits: { get: '16kb', form: 4096, json: '2mb' },
        });
        expectEnvelope(await tc3Post(app, '{}', { region: 'ap-guangzhou' }));
      });
    });
  });
});
