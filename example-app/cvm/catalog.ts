/**
 * What this service sells: its regions with their zones, the public
 * images and the instance types. A small slice of the real catalogue.
 */

/** Zones of each region the service answers for. */
export const ZONES: Readonly<Record<string, readonly string[]>> = {
  'ap-guangzhou': ['ap-guangzhou-3', 'ap-guangzhou-6', 'ap-guangzhou-7'],
  'ap-shanghai': ['ap-shanghai-2', 'ap-shanghai-4', 'ap-shanghai-5'],
  'ap-beijing': ['ap-beijing-5', 'ap-beijing-6', 'ap-beijing-7'],
};

/** The regions served, for the router's `regions` option. */
export const REGIONS: readonly string[] = Object.freeze(Object.keys(ZONES));

/** What the service knows of a public image. */
export interface ImageInfo {
  readonly osName: string;
  readonly loginUser: string;
}

/** The public images, by image id. */
export const IMAGES: Readonly<Record<string, ImageInfo>> = {
  'img-9qrfy1xt': {
    osName: 'TencentOS Server 3.1 (TK4)',
    loginUser: 'root',
  },
  'img-487zeit5': {
    osName: 'Ubuntu Server 22.04 LTS 64bit',
    loginUser: 'ubuntu',
  },
  'img-l8og963d': { osName: 'CentOS 7.9 64bit', loginUser: 'root' },
};

/** The size of an instance type. */
export interface InstanceTypeInfo {
  readonly cpu: number;
  /** GiB */
  readonly memory: number;
}

/** The instance types sold, by name. */
export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeInfo>> = {
  'S5.SMALL2': { cpu: 1, memory: 2 },
  'S5.MEDIUM4': { cpu: 2, memory: 4 },
  'S5.LARGE8': { cpu: 4, memory: 8 },
  'SA2.MEDIUM4': { cpu: 2, memory: 4 },
  'SA2.LARGE16': { cpu: 4, memory: 16 },
};

/** The region a zone such as `ap-guangzhou-3` belongs to. */
export function regionOfZone(zone: string): string {
  return zone.replace(/-\d+$/, '');
}
