/** The one action every signature bench request calls, and its key. */
export const SECRET_ID = 'AKIDbench';
export const SECRET_KEY = 'bench-secret-key';
export const VERSION = '2017-03-12';
export const ACTION = 'DescribeInstances';
export const REGION = 'ap-guangzhou';
export const PARAMS = { Limit: 10 };
export const RESULT = { TotalCount: 0, InstanceSet: [] };
