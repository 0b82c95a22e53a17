import type { Test } from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  EXPRESS_VERSIONS,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import {
  expectChinese,
  expectEnglish,
  FILTERS_SCHEMA,
  signedApp,
} from './helpers/protocol-app.js';
import {
  KEY,
  tc3Post,
  v1Get,
  v1Post,
  type Target,
} from './helpers/protocol-requests.js';

// The caller picks the language of the library's messages: TC3 callers
// with `X-TC-Language`, v1 callers with the `Language` parameter.

const WRONG_KEY = { ...KEY, secretKey: 'not-the-key' };

function languageApp(express: ExpressFactory) {
  return signedApp(express, {
    DescribeInstances: { params: FILTERS_SCHEMA, handler: () => ({}) },
  });
}

type Send = (app: Target, language: string) => Test;

const CASES: ReadonlyArray<
  readonly [string, string, string | undefined, Send]
> = [
  [
    'a TC3 request without X-TC-Version',
    'MissingParameter',
    'The request is missing a required parameter `Version`.',
    (app, language) =>
      tc3Post(app, '{}', { version: null, signer: null, language }),
  ],
  [
    'a TC3 request without X-TC-Timestamp',
    'MissingParameter',
    'The request is missing a required parameter `Timestamp`.',
    (app, language) => tc3Post(app, '{}', { timestamp: null, language }),
  ],
  [
    'a TC3 request for an unknown action',
    'InvalidAction',
    'The request `Action` is invalid or not found.',
    (app, language) =>
      tc3Post(app, '{}', { action: 'DescribeNothing', language }),
  ],
  [
    'a TC3 request with an unknown parameter',
    'UnknownParameter',
    'The parameter `Bogus` is not recognized.',
    (app, language) => tc3Post(app, '{"Bogus":1}', { language }),
  ],
  [
    'a TC3 request with a wrong signature',
    'AuthFailure.SignatureFailure',
    undefined,
    (app, language) => tc3Post(app, '{}', { signer: WRONG_KEY, language }),
  ],
  [
    'a TC3 request with a malformed Authorization',
    'AuthFailure.InvalidAuthorization',
    undefined,
    (app, language) =>
      tc3Post(app, '{}', { authorization: 'Basic x', language }),
  ],
  [
    'a v1 request without Action',
    'MissingParameter',
    'The request is missing a required parameter `Action`.',
    (app, Language) =>
      v1Get(app, { Action: undefined, Language }, { signer: null }),
  ],
  [
    'a v1 request for an unknown action',
    'InvalidAction',
    'The request `Action` is invalid or not found.',
    (app, Language) => v1Post(app, { Action: 'DescribeNothing', Language }),
  ],
  [
    'a v1 request with a parameter of the wrong type',
    'InvalidParameter',
    undefined,
    (app, Language) => v1Get(app, { Limit: 'many', Language }),
  ],
  [
    'a v1 request with an unknown parameter',
    'UnknownParameter',
    'The parameter `Bogus` is not recognized.',
    (app, Language) => v1Get(app, { Bogus: '1', Language }),
  ],
  [
    'a v1 request with a wrong signature',
    'AuthFailure.SignatureFailure',
    undefined,
    (app, Language) => v1Get(app, { Language }, { signer: WRONG_KEY }),
  ],
];

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter()', () => {
    describe.each(CASES)('when %s fails', (_case, code, english, send) => {
      it('should answer in English for en-US', async () => {
        const res = await send(languageApp(express), 'en-US');
        const message = expectError(res, code, 200, english);
        expectEnglish(message);
      });

      it('should answer in Chinese for zh-CN', async () => {
        const app = languageApp(express);
        const inEnglish = expectError(await send(app, 'en-US'), code, 200);
        const res = await send(app, 'zh-CN');
        expectChinese(expectError(res, code, 200), inEnglish);
      });
    });

    describe('when the language is given in another letter case', () => {
      it('should still answer in Chinese', async () => {
        const res = await tc3Post(languageApp(express), '{}', {
          action: 'DescribeNothing',
          language: 'ZH-cn',
        });
        expectChinese(expectError(res, 'InvalidAction', 200));
      });
    });

    describe('when the language is one without messages', () => {
      it('should answer in English', async () => {
        const res = await v1Get(languageApp(express), {
          Action: 'X',
          Language: 'fr-FR',
        });
        expectEnglish(expectError(res, 'InvalidAction', 200));
      });
    });

    describe('when a v1 request sends Language=zh-CN beside X-TC-Language: en-US', () => {
      it('should follow the Language parameter', async () => {
        const res = await v1Get(languageApp(express), {
          Action: 'X',
          Language: 'zh-CN',
        }).set('X-TC-Language', 'en-US');
        expectChinese(expectError(res, 'InvalidAction', 200));
      });
    });

    describe('when the action succeeds for a zh-CN caller', () => {
      it('should tell the handler the language', async () => {
        let told: unknown;
        const app = signedApp(express, {
          DescribeInstances: (_params, context) => {
            told = context.language;
            return {};
          },
        });
        await v1Post(app, { Language: 'zh-CN' });
        expect(told).toBe('zh-CN');
      });
    });
  });
});
