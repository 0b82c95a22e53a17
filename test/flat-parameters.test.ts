import querystring from 'node:querystring';
import { describe, expect, it } from 'vitest';
import { isApiError } from '../src/errors/api-error.js';
import {
  expandFlatParameters,
  flatParameters,
} from '../src/protocol/flat-parameters.js';

// Values that differ in every encoding the SDKs use.
const tricky = {
  Action: 'DescribeInstances',
  'Filters.0.Name': 'instance-name',
  'Filters.0.Values.0': '未命名 a+b=c&d%e/f?g~h*',
  Signature: 'ab+/cd==',
};

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (isApiError(error)) return error.code;
    throw error;
  }
}

describe('flatParameters()', () => {
  describe('when the Node SDK encoded the parameters (querystring.stringify)', () => {
    it('should give back exactly the values it signed', () => {
      expect(flatParameters(querystring.stringify(tricky))).toEqual(tricky);
    });
  });

  describe('when spaces were encoded as + (Python SDK, HTML forms)', () => {
    it('should read + as a space', () => {
      const query = new URLSearchParams(tricky).toString();
      expect(query).toContain('+');
      expect(flatParameters(query)).toEqual(tricky);
    });
  });

  describe('when a parameter is given twice', () => {
    it('should keep the last value', () => {
      expect(flatParameters('Limit=1&Limit=2')).toEqual({ Limit: '2' });
    });
  });

  describe('when a parameter has no = or an empty name', () => {
    it('should keep the named one with an empty value and drop the nameless', () => {
      expect(flatParameters('DryRun&=x&&Limit=')).toEqual({
        DryRun: '',
        Limit: '',
      });
    });
  });

  describe('when the percent-encoding is malformed', () => {
    it('should keep a stray % as it is, without throwing', () => {
      expect(flatParameters('A=100%&B=%zz')).toEqual({ A: '100%', B: '%zz' });
    });

    it('should turn bytes that are not UTF-8 into U+FFFD', () => {
      expect(flatParameters('A=%E4%B8')).toEqual({ A: '\uFFFD' });
    });
  });

  describe('when a name is __proto__', () => {
    it('should keep it as a plain key of a plain object', () => {
      const flat = flatParameters('__proto__=x&constructor=y');
      expect(Object.keys(flat)).toEqual(['__proto__', 'constructor']);
      expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
      expect(flat['__proto__']).toBe('x');
    });
  });
});

describe('expandFlatParameters()', () => {
  describe('when names carry dots and indexes', () => {
    it('should nest them into objects and arrays', () => {
      const query =
        'Filters.0.Name=zone&Filters.0.Values.0=a&Filters.0.Values.1=b' +
        '&Placement.Zone=ap-guangzhou-3&Limit=5';
      expect(expandFlatParameters(query)).toEqual({
        Filters: [{ Name: 'zone', Values: ['a', 'b'] }],
        Placement: { Zone: 'ap-guangzhou-3' },
        Limit: '5',
      });
    });
  });

  describe('when the indexes come out of order or with gaps', () => {
    it('should order the items by index and close the gaps', () => {
      expect(expandFlatParameters('Ids.5=c&Ids.0=a&Ids.2=b')).toEqual({
        Ids: ['a', 'b', 'c'],
      });
    });
  });

  describe('when the Node SDK encoded the parameters', () => {
    it('should hold the same values as flatParameters()', () => {
      const query = querystring.stringify(tricky);
      expect(expandFlatParameters(query)).toEqual({
        Action: tricky.Action,
        Filters: [
          { Name: 'instance-name', Values: [tricky['Filters.0.Values.0']] },
        ],
        Signature: tricky.Signature,
      });
    });
  });

  describe('when names try to reach a prototype', () => {
    const query =
      '__proto__.polluted=1&constructor.prototype.polluted=2' +
      '&toString=3&Placement.__proto__.polluted=4';

    it('should not pollute Object.prototype', () => {
      expandFlatParameters(query);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("should keep the client's names as plain data of plain objects", () => {
      const params = expandFlatParameters(query);
      expect(Object.keys(params)).toEqual([
        '__proto__',
        'constructor',
        'toString',
        'Placement',
      ]);
      expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
      expect(
        Object.getOwnPropertyDescriptor(params, '__proto__')?.value,
      ).toEqual({
        polluted: '1',
      });
      const placement = params.Placement as object;
      expect(Object.getPrototypeOf(placement)).toBe(Object.prototype);
      expect(Object.keys(placement)).toEqual(['__proto__']);
    });

    it('should not confuse a name that looks like the hidden form of __proto__', () => {
      const params = expandFlatParameters('__proto__%00=a&__proto__=b');
      expect(Object.keys(params)).toEqual(['__proto__\0', '__proto__']);
    });
  });

  describe('when the percent-encoding is malformed', () => {
    it('should not throw', () => {
      expect(expandFlatParameters('A.0=%E4%B8&B=%zz')).toEqual({
        A: ['\uFFFD'],
        B: '%zz',
      });
    });
  });

  describe('when there are more than 1000 parameters', () => {
    it('should answer RequestSizeLimitExceeded', () => {
      const query = Array.from({ length: 1001 }, (_, i) => `P${i}=1`).join('&');
      expect(codeOf(() => expandFlatParameters(query))).toBe(
        'RequestSizeLimitExceeded',
      );
    });
  });

  describe('when there are 1000 parameters', () => {
    it('should accept them', () => {
      const query = Array.from({ length: 1000 }, (_, i) => `P${i}=1`).join('&');
      expect(Object.keys(expandFlatParameters(query))).toHaveLength(1000);
    });
  });

  describe('when a list index is 100 or more', () => {
    it('should answer InvalidParameter', () => {
      expect(codeOf(() => expandFlatParameters('Ids.100=a'))).toBe(
        'InvalidParameter',
      );
    });

    it('should accept index 99', () => {
      expect(expandFlatParameters('Ids.99=a')).toEqual({ Ids: ['a'] });
    });
  });

  describe('when names nest more than 10 levels deep', () => {
    const name = (levels: number) =>
      Array.from({ length: levels + 1 }, (_, i) => `L${i}`).join('.');

    it('should answer InvalidParameter', () => {
      expect(codeOf(() => expandFlatParameters(`${name(11)}=x`))).toBe(
        'InvalidParameter',
      );
    });

    it('should accept 10 levels', () => {
      expect(codeOf(() => expandFlatParameters(`${name(10)}=x`))).toBe(
        'accepted',
      );
    });
  });

  describe('when the query is empty', () => {
    it('should give an empty object', () => {
      expect(expandFlatParameters('')).toEqual({});
    });
  });
});
