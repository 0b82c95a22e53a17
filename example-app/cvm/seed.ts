import type { InstanceSpec } from './instance.js';

/**
 * The instances a fresh store starts with: five in ap-guangzhou (newest
 * first: web-2, web-1, db-1, batch-1, legacy-1) and one in ap-shanghai.
 */
export const SEED: readonly InstanceSpec[] = [
  {
    id: 'ins-2mb7q1xa',
    name: 'web-1',
    zone: 'ap-guangzhou-3',
    imageId: 'img-9qrfy1xt',
    instanceType: 'S5.MEDIUM4',
    state: 'RUNNING',
    createdTime: '2024-03-01T08:00:00Z',
    privateIp: '10.0.1.11',
    publicIp: '119.29.10.21',
  },
  {
    id: 'ins-5fxkq0ju',
    name: 'web-2',
    zone: 'ap-guangzhou-6',
    imageId: 'img-9qrfy1xt',
    instanceType: 'S5.MEDIUM4',
    state: 'RUNNING',
    createdTime: '2024-03-02T08:00:00Z',
    privateIp: '10.0.2.12',
    publicIp: '119.29.10.22',
  },
  {
    id: 'ins-9r3d6wtc',
    name: 'db-1',
    zone: 'ap-guangzhou-3',
    imageId: 'img-487zeit5',
    instanceType: 'SA2.LARGE16',
    chargeType: 'PREPAID',
    state: 'RUNNING',
    createdTime: '2024-02-15T03:30:00Z',
    privateIp: '10.0.1.20',
  },
  {
    id: 'ins-c4h8npz2',
    name: 'batch-1',
    zone: 'ap-guangzhou-7',
    imageId: 'img-l8og963d',
    instanceType: 'S5.LARGE8',
    state: 'STOPPED',
    createdTime: '2024-01-20T12:00:00Z',
    privateIp: '10.0.3.31',
  },
  {
    id: 'ins-k7vy3e1m',
    name: 'legacy-1',
    zone: 'ap-guangzhou-3',
    imageId: 'img-l8og963d',
    instanceType: 'S5.SMALL2',
    chargeType: 'PREPAID',
    state: 'STOPPED',
    createdTime: '2023-11-05T09:15:00Z',
    privateIp: '10.0.1.40',
  },
  {
    id: 'ins-t0w5lr8g',
    name: 'web-1',
    zone: 'ap-shanghai-4',
    imageId: 'img-9qrfy1xt',
    instanceType: 'S5.MEDIUM4',
    state: 'RUNNING',
    createdTime: '2024-03-03T08:00:00Z',
    privateIp: '172.16.0.8',
  },
];
