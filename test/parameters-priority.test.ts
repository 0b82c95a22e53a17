import { describe, expect, it } from 'vitest';
import { type ApiError, isApiError } from '../src/errors/api-error.js';
import {
  compileParameters,
  type ParameterSchema,
} from '../src/protocol/parameters.js';

function refusal(
  schema: ParameterSchema,
  params: Record<string, unknown>,
  coerce = false,
): ApiError {
  try {
    compileParameters(schema)(params, { coerce });
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('the parameters were accepted');
}

// A DescribeInstances-like schema: nested objects and arrays of objects.
const instances: ParameterSchema = {
  type: 'object',
  required: ['Placement'],
  properties: {
    Limit: { type: 'integer', minimum: 1, maximum: 100 },
    Offset: { type: 'integer', minimum: 0 },
    Placement: {
      type: 'object',
      required: ['Zone'],
      properties: { Zone: { type: 'string' }, ProjectId: { type: 'integer' } },
    },
    Filters: {
      type: 'array',
      items: {
        type: 'object',
        required: ['Name'],
        properties: {
          Name: { type: 'string' },
          Values: { type: 'array', items: { type: 'string', maxLength: 8 } },
        },
      },
    },
  },
};
const zone = { Zone: 'ap-guangzhou-3' };

describe('compileParameters()', () => {
  describe('when a nested member is absent', () => {
    it('should name it with a dotted path', () => {
      const error = refusal(instances, { Placement: {} });
      expect(error.code).toBe('MissingParameter');
      expect(error.message).toBe(
        'The request is missing a required parameter `Placement.Zone`.',
      );
    });
  });

  describe('when a nested member is not declared', () => {
    it('should answer UnknownParameter with a dotted path', () => {
      const error = refusal(instances, { Placement: { ...zone, Host: 'h' } });
      expect(error.code).toBe('UnknownParameter');
      expect(error.message).toBe(
        'The parameter `Placement.Host` is not recognized.',
      );
    });
  });

  describe('when an item of an array of objects is wrong', () => {
    it('should name the item by its index', () => {
      const params = { Placement: zone, Filters: [{ Name: 'a' }, { Name: 7 }] };
      const error = refusal(instances, params);
      expect(error.code).toBe('InvalidParameter');
      expect(error.message).toBe(
        'The parameter `Filters.1.Name` must be of type String.',
      );
    });

    it('should name a value nested two arrays deep', () => {
      const Filters = [{ Name: 'zone', Values: ['a', 'far-too-long'] }];
      const error = refusal(instances, { Placement: zone, Filters });
      expect(error.code).toBe('InvalidParameterValue');
      const english =
        'The value of the parameter `Filters.0.Values.1` must be at most 8 characters long.';
      expect(error.message).toBe(english);
    });

    it('should name an undeclared member of an item', () => {
      const Filters = [{ Name: 'zone', Value: 'a' }];
      const error = refusal(instances, { Placement: zone, Filters });
      expect(error.message).toBe(
        'The parameter `Filters.0.Value` is not recognized.',
      );
    });
  });

  describe('when errors of every kind are present', () => {
    const params = { Limit: 0, Offset: 'x', Placement: {}, Extra: 1 };

    it('should answer UnknownParameter before MissingParameter', () => {
      expect(refusal(instances, params).code).toBe('UnknownParameter');
    });

    it('should answer MissingParameter before InvalidParameter', () => {
      const { Extra: _, ...rest } = params;
      expect(refusal(instances, rest).code).toBe('MissingParameter');
    });

    it('should answer InvalidParameter before InvalidParameterValue', () => {
      const error = refusal(instances, {
        Limit: 0,
        Offset: 'x',
        Placement: zone,
      });
      expect(error.code).toBe('InvalidParameter');
      expect(error.message).toBe(
        'The parameter `Offset` must be of type Integer.',
      );
    });
  });

  describe('when several errors have the same kind', () => {
    it('should report the first in the order of the request, not the schema', () => {
      const error = refusal(instances, {
        Placement: zone,
        Offset: 'x',
        Limit: 'y',
      });
      expect(error.message).toBe(
        'The parameter `Offset` must be of type Integer.',
      );
    });

    it('should report the first unknown parameter the client sent', () => {
      const error = refusal(instances, { Zeta: 1, Placement: zone, Alpha: 2 });
      expect(error.message).toBe('The parameter `Zeta` is not recognized.');
    });

    it('should report members of an earlier parameter before later parameters', () => {
      const params = { Placement: { Zone: 1 }, Filters: [{ Name: 2 }] };
      const error = refusal(instances, params);
      expect(error.message).toBe(
        'The parameter `Placement.Zone` must be of type String.',
      );
    });
  });

  describe('when no alternative of anyOf matches', () => {
    it('should report the anyOf, not the failure of one alternative', () => {
      const schema: ParameterSchema = {
        type: 'object',
        properties: {
          InstanceIds: { type: 'array' },
          Filters: { type: 'array' },
        },
        anyOf: [{ required: ['InstanceIds'] }, { required: ['Filters'] }],
      };
      const error = refusal(schema, {});
      expect(error.code).toBe('InvalidParameter');
      expect(error.message).toBe('The request parameters are not valid.');
    });
  });

  describe('when the then of an if fails', () => {
    it('should report what then requires', () => {
      const schema: ParameterSchema = {
        type: 'object',
        properties: { Kind: { type: 'string' }, Size: { type: 'integer' } },
        if: { properties: { Kind: { const: 'disk' } }, required: ['Kind'] },
        then: { required: ['Size'] },
      };
      const error = refusal(schema, { Kind: 'disk' });
      expect(error.code).toBe('MissingParameter');
      expect(error.message).toBe(
        'The request is missing a required parameter `Size`.',
      );
    });
  });

  describe('when the parameters include __proto__', () => {
    it('should answer UnknownParameter', () => {
      const params = JSON.parse('{"__proto__": {"polluted": true}}');
      const error = refusal(instances, params);
      expect(error.code).toBe('UnknownParameter');
      expect(error.message).toBe(
        'The parameter `__proto__` is not recognized.',
      );
    });

    it('should leave every prototype alone, also when coercing', () => {
      const params = JSON.parse('{"__proto__": {"polluted": true}}');
      refusal(instances, params, true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    });
  });

  describe('when the parameters include constructor', () => {
    it('should answer UnknownParameter', () => {
      const error = refusal(instances, { Placement: zone, constructor: 'x' });
      expect(error.message).toBe(
        'The parameter `constructor` is not recognized.',
      );
    });

    it('should not count the prototype as a required parameter', () => {
      const schema: ParameterSchema = {
        type: 'object',
        required: ['constructor'],
        properties: { constructor: { type: 'string' } },
      };
      expect(refusal(schema, {}).code).toBe('MissingParameter');
    });
  });

  describe('when an unknown parameter name is very long', () => {
    it('should cut it to 64 characters', () => {
      const error = refusal(instances, {
        Placement: zone,
        ['A'.repeat(5000)]: 1,
      });
      expect(error.message).toBe(
        `The parameter \`${'A'.repeat(63)}…\` is not recognized.`,
      );
    });
  });

  describe('when an unknown parameter name has characters that do not print', () => {
    it('should replace them', () => {
      const error = refusal(instances, {
        Placement: zone,
        'A\n\u202eB\u0000': 1,
      });
      expect(error.message).toBe(
        'The parameter `A\uFFFD\uFFFDB\uFFFD` is not recognized.',
      );
    });
  });
});
