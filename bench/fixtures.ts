/**
 * A DescribeInstances-like result: a page of three CVM instances, about
 * 1.5 KB of JSON, shaped like what a real control-plane route returns.
 */
export const DESCRIBE_INSTANCES_RESULT = {
  TotalCount: 3,
  InstanceSet: [
    instance('ins-1', 'web-1', 'S5.MEDIUM4', 2, 4, '10.0.0.11'),
    instance('ins-2', 'web-2', 'S5.MEDIUM4', 2, 4, '10.0.0.12'),
    instance('ins-3', 'db-1', 'S5.LARGE8', 4, 8, '10.0.0.21'),
  ],
};

/** The failure the error route reports. */
export const INSTANCE_NOT_FOUND = {
  code: 'ResourceNotFound.InstanceNotFound',
  message: 'The instance `ins-1` does not exist.',
} as const;

function instance(
  id: string,
  name: string,
  type: string,
  cpu: number,
  memory: number,
  privateIp: string,
) {
  return {
    Placement: { Zone: 'ap-guangzhou-3', ProjectId: 0 },
    InstanceId: id,
    InstanceType: type,
    CPU: cpu,
    Memory: memory,
    InstanceName: name,
    InstanceChargeType: 'POSTPAID_BY_HOUR',
    SystemDisk: {
      DiskType: 'CLOUD_PREMIUM',
      DiskId: `disk-${id}`,
      DiskSize: 50,
    },
    PrivateIpAddresses: [privateIp],
    ImageId: 'img-eb30mz89',
    CreatedTime: '2024-03-01T08:00:00Z',
    OsName: 'TencentOS Server 3.1 (TK4)',
    InstanceState: 'RUNNING',
    Tags: [{ Key: 'team', Value: 'platform' }],
  };
}
