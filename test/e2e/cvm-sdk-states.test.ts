import { describe, expect, it } from 'vitest';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import type { CvmClient } from '../helpers/sdk-clients.js';
import { rejection } from '../helpers/sdk-errors.js';
import { cvmPerTest, type Cvm } from './cvm-sdk-server.js';

const cvm = cvmPerTest();

type Action =
  'StartInstances' | 'StopInstances' | 'RebootInstances' | 'TerminateInstances';

// Each setup leaves one instance in the state named and returns its id.
type Setup = (client: CvmClient, cvm: Cvm) => Promise<string>;

const seeded =
  (id: string): Setup =>
  async () =>
    id;
const after =
  (action: Action, id: string): Setup =>
  async (client) => {
    await client[action]({ InstanceIds: [id] });
    return id;
  };
const launched: Setup = async (client) => {
  const { InstanceIdSet } = await client.RunInstances({
    Placement: { Zone: 'ap-guangzhou-3' },
    ImageId: 'img-9qrfy1xt',
    InstanceType: 'S5.SMALL2',
  });
  return InstanceIdSet![0]!;
};
const recycled: Setup = async (client, cvm) => {
  await client.TerminateInstances({ InstanceIds: ['ins-9r3d6wtc'] });
  cvm.tick();
  return 'ins-9r3d6wtc';
};

describe.each<[Action, string, Setup]>([
  ['StopInstances', 'STOPPED', seeded('ins-c4h8npz2')],
  ['StartInstances', 'RUNNING', seeded('ins-2mb7q1xa')],
  ['StopInstances', 'STOPPING', after('StopInstances', 'ins-2mb7q1xa')],
  ['StartInstances', 'STARTING', after('StartInstances', 'ins-c4h8npz2')],
  ['RebootInstances', 'REBOOTING', after('RebootInstances', 'ins-2mb7q1xa')],
  ['StopInstances', 'PENDING', launched],
  ['StartInstances', 'SHUTDOWN', recycled],
  [
    'TerminateInstances',
    'TERMINATING',
    after('TerminateInstances', 'ins-5fxkq0ju'),
  ],
])('%s on an instance %s', (action, state, setup) => {
  const code = `UnsupportedOperation.InstanceState${
    state[0] + state.slice(1).toLowerCase()
  }`;

  it(`should reach the SDK as ${code}`, async () => {
    const client = cvm.client();
    const id = await setup(client, cvm);
    const error = await rejection(client[action]({ InstanceIds: [id] }));
    expect(error).toMatchObject({
      code,
      message: `The operation is not supported for the instance \`${id}\` in state \`${state}\`.`,
      requestId: expect.stringMatching(UUID),
    });
  });
});
