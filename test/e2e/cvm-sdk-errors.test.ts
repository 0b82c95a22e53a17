import { describe, expect, it } from 'vitest';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import type { CvmClient } from '../helpers/sdk-clients.js';
import { rejection } from '../helpers/sdk-errors.js';
import { cvmPerTest } from './cvm-sdk-server.js';

const cvm = cvmPerTest();

interface Case {
  code: string;
  message: string;
  call: (client: CvmClient) => Promise<unknown>;
}

// The protocol and parameter errors, each sent as a caller would meet it:
// typed methods where the SDK types allow the request, request() where
// they do not. The messages are the library's own.
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
    code: 'UnknownParameter',
    message: 'The parameter `Filters.0.Value` is not recognized.',
    call: (c) =>
      c.request('DescribeInstances', {
        Filters: [{ Name: 'zone', Values: ['ap-guangzhou-3'], Value: 'x' }],
      }),
  },
  {
    code: 'MissingParameter',
    message: 'The request is missing a required parameter `InstanceIds`.',
    call: (c) => c.request('StopInstances', {}),
  },
  {
    code: 'MissingParameter',
    message: 'The request is missing a required parameter `Placement.Zone`.',
    call: (c) =>
      c.request('RunInstances', {
        Placement: { ProjectId: 0 },
        ImageId: 'img-9qrfy1xt',
        InstanceType: 'S5.SMALL2',
      }),
  },
  {
    code: 'InvalidParameter',
    message: 'The parameter `Limit` must be of type Integer.',
    call: (c) => c.request('DescribeInstances', { Limit: '5' }),
  },
  {
    code: 'InvalidParameter',
    message: 'The parameter `InstanceIds` must be of type Array of String.',
    call: (c) => c.request('StartInstances', { InstanceIds: 'ins-2mb7q1xa' }),
  },
  {
    code: 'InvalidParameterValue',
    message: 'The value of the parameter `Limit` must be at most 100.',
    call: (c) => c.DescribeInstances({ Limit: 101 }),
  },
  {
    code: 'InvalidParameterValue',
    message: 'The parameter `InstanceIds` must have at least 1 item.',
    call: (c) => c.StopInstances({ InstanceIds: [] }),
  },
  {
    code: 'InvalidParameterValue',
    message:
      'The value of the parameter `StopType` must be one of SOFT, HARD, SOFT_FIRST.',
    call: (c) =>
      c.StopInstances({ InstanceIds: ['ins-2mb7q1xa'], StopType: 'NOW' }),
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
    const client = cvm.client({ region: null });
    const error = await rejection(client.DescribeInstances({}));
    expect(error).toMatchObject({
      code: 'MissingParameter',
      message: 'The request is missing a required parameter `Region`.',
      requestId: expect.stringMatching(UUID),
    });
  });
});

describe('when the client asks for a region not served', () => {
  it('should reach the SDK as UnsupportedRegion', async () => {
    const client = cvm.client({ region: 'eu-frankfurt' });
    const error = await rejection(client.DescribeInstances({}));
    expect(error).toMatchObject({
      code: 'UnsupportedRegion',
      message: 'The request `Region` is not supported by this API.',
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
