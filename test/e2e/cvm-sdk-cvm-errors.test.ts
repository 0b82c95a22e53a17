import { describe, expect, it } from 'vitest';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import type { CvmClient } from '../helpers/sdk-clients.js';
import { rejection } from '../helpers/sdk-errors.js';
import { cvmPerTest } from './cvm-sdk-server.js';

const cvm = cvmPerTest();

const RUN = {
  Placement: { Zone: 'ap-guangzhou-3' },
  ImageId: 'img-9qrfy1xt',
  InstanceType: 'S5.MEDIUM4',
};

const zones = (count: number) => Array(count).fill('ap-guangzhou-3');

// The CVM errors of the actions, as the official client reads them: the
// handlers' own codes and messages, after the schema checks passed.
describe.each([
  {
    code: 'InvalidInstanceId.Malformed',
    message:
      'The instance ID `ins-1` is malformed; it looks like `ins-xxxxxxxx`.',
    call: (c: CvmClient) => c.StopInstances({ InstanceIds: ['ins-1'] }),
  },
  {
    code: 'InvalidInstanceId.NotFound',
    message: 'The instance `ins-zzzzzzzz` does not exist.',
    call: (c: CvmClient) =>
      c.RebootInstances({ InstanceIds: ['ins-zzzzzzzz'] }),
  },
  {
    code: 'InvalidFilter',
    message: 'The filter `vpc-id` is not supported.',
    call: (c: CvmClient) =>
      c.DescribeInstances({ Filters: [{ Name: 'vpc-id', Values: [] }] }),
  },
  {
    code: 'InvalidParameterValue.LimitExceeded',
    message: 'The parameter `Filters` accepts at most 10 values.',
    call: (c: CvmClient) =>
      c.DescribeInstances({
        Filters: Array(11).fill({ Name: 'zone', Values: zones(1) }),
      }),
  },
  {
    code: 'InvalidParameter',
    message:
      'The parameters `InstanceIds` and `Filters` cannot be specified at the same time.',
    call: (c: CvmClient) =>
      c.DescribeInstances({
        InstanceIds: ['ins-2mb7q1xa'],
        Filters: [{ Name: 'zone', Values: zones(1) }],
      }),
  },
  {
    code: 'InvalidFilterValue.LimitExceeded',
    message: 'The filter `zone` accepts at most 5 values.',
    call: (c: CvmClient) =>
      c.DescribeInstances({ Filters: [{ Name: 'zone', Values: zones(6) }] }),
  },
  {
    code: 'InvalidZone.MismatchRegion',
    message:
      'The zone `ap-shanghai-4` does not exist in the region `ap-guangzhou`.',
    call: (c: CvmClient) =>
      c.RunInstances({ ...RUN, Placement: { Zone: 'ap-shanghai-4' } }),
  },
  {
    code: 'InvalidImageId.Malformed',
    message:
      'The image ID `ubuntu` is malformed; it looks like `img-xxxxxxxx`.',
    call: (c: CvmClient) => c.RunInstances({ ...RUN, ImageId: 'ubuntu' }),
  },
  {
    code: 'InvalidImageId.NotFound',
    message: 'The image `img-00000000` does not exist.',
    call: (c: CvmClient) => c.RunInstances({ ...RUN, ImageId: 'img-00000000' }),
  },
  {
    code: 'InvalidInstanceType.Malformed',
    message: 'The instance type `s5` is malformed; it looks like `S5.MEDIUM4`.',
    call: (c: CvmClient) => c.RunInstances({ ...RUN, InstanceType: 's5' }),
  },
  {
    code: 'InvalidParameterValue.InstanceTypeNotFound',
    message: 'The instance type `S9.HUGE512` does not exist.',
    call: (c: CvmClient) =>
      c.RunInstances({ ...RUN, InstanceType: 'S9.HUGE512' }),
  },
  {
    code: 'InvalidInstanceName.TooLong',
    message:
      'The parameter `InstanceName` must be at most 128 characters long.',
    call: (c: CvmClient) =>
      c.RunInstances({ ...RUN, InstanceName: 'x'.repeat(129) }),
  },
  {
    code: 'DryRunOperation',
    message: 'The request would have succeeded, but DryRun was set.',
    call: (c: CvmClient) => c.RunInstances({ ...RUN, DryRun: true }),
  },
])('when the service answers $code', ({ code, message, call }) => {
  it('should reach the SDK as err.code, .message and .requestId', async () => {
    const error = await rejection(call(cvm.client()));
    expect(error).toMatchObject({
      code,
      message,
      requestId: expect.stringMatching(UUID),
    });
  });
});
