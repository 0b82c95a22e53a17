import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  rejection,
  startCvm,
  UUID,
  type Cvm,
  type CvmClient,
} from './cvm-sdk-server.js';

let cvm: Cvm;
beforeEach(async () => {
  cvm = await startCvm();
});
afterEach(() => cvm.close());

interface Case {
  code: string;
  message: string;
  call: (client: CvmClient) => Promise<unknown>;
}

// The protocol and parameter errors, each sent as a caller would meet it:
// typed methods where the SDK types allow the request, request() where
// they do not.
const CASES: Case[] = [
  {
    code: 'InvalidAction',
    message: 'The request `Action` is invalid or not found.',
    call: (c) => c.request('DescribeDragons', {}),
  },
  {
    code: 'UnknownParameter',
    message: 'The parameter `Lmit` is not recognized.',
    call: (c) => c.request('DescribeInstances', { Lmit: 1 }),
  },
  {
    code: 'MissingParameter',
    message: 'The request is missing a required parameter `InstanceIds`.',
    call: (c) => c.request('StopInstances', {}),
  },
  {
    code: 'InvalidParameter',
    message: 'The parameter `Limit` must be of type Integer.',
    call: (c) => c.request('DescribeInstances', { Limit: '5' }),
  },
  {
    code: 'InvalidParameterValue',
    message:
      'The value `101` of the parameter `Limit` must be between 1 and 100.',
    call: (c) => c.DescribeInstances({ Limit: 101 }),
  },
  {
    code: 'InvalidParameterValue.LimitExceeded',
    message: 'The parameter `InstanceIds` accepts at most 100 values.',
    call: (c) =>
      c.StartInstances({ InstanceIds: Array(101).fill('ins-2mb7q1xa') }),
  },
];

describe.each(CASES)('when the service answers $code', (sample) => {
  it('should reach the SDK as err.code, .message and .requestId', async () => {
    const error = await rejection(sample.call(cvm.client()));
    expect(error).toMatchObject({
      code: sample.code,
      message: sample.message,
      requestId: expect.stringMatching(UUID),
    });
  });

  it('should reach it as an API error, not an HTTP one', async () => {
    const error = await rejection(sample.call(cvm.client()));
    expect(error.httpCode).toBeUndefined();
  });
});

describe('when the client has no region', () => {
  it('should reach the SDK as MissingParameter naming Region', async () => {
    const error = await rejection(cvm.client(null).DescribeInstances({}));
    expect(error).toMatchObject({
      code: 'MissingParameter',
      message: 'The request is missing a required parameter `Region`.',
      requestId: expect.stringMatching(UUID),
    });
  });
});

describe('when the client asks for a region not served', () => {
  it('should reach the SDK as UnsupportedRegion', async () => {
    const client = cvm.client('eu-frankfurt');
    const error = await rejection(client.DescribeInstances({}));
    expect(error).toMatchObject({
      code: 'UnsupportedRegion',
      message: 'The region `eu-frankfurt` is not supported by this API.',
      requestId: expect.stringMatching(UUID),
    });
  });
});

describe('when the client speaks an unknown version', () => {
  it('should reach the SDK as NoSuchVersion', async () => {
    const client = cvm.client();
    client.apiVersion = '2099-01-01';
    const error = await rejection(client.DescribeInstances({}));
    expect(error).toMatchObject({
      code: 'NoSuchVersion',
      message: 'The request `Version` is invalid or not found.',
      requestId: expect.stringMatching(UUID),
    });
  });
});
