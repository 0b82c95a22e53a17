import { describe, expect, it } from 'vitest';
import { isApiError } from '../src/errors/api-error.js';
import {
  compileParameters,
  type ParameterSchema,
} from '../src/protocol/parameters.js';

// The code a check answers, or 'accepted'.
function outcome(
  schema: ParameterSchema,
  params: Record<string, unknown>,
  coerce = false,
): string {
  try {
    compileParameters(schema)(params, { coerce });
    return 'accepted';
  } catch (error) {
    if (isApiError(error)) return error.code;
    throw error;
  }
}

const schema: ParameterSchema = {
  type: 'object',
  properties: {
    Limit: { type: 'integer' },
    Ratio: { type: 'number' },
    DryRun: { type: 'boolean' },
    InstanceIds: { type: 'array', items: { type: 'string' } },
    Ports: { type: 'array', items: { type: 'integer' } },
    Filters: {
      type: 'array',
      items: {
        type: 'object',
        properties: { Name: { type: 'string' }, Values: { type: 'array' } },
      },
    },
  },
};
const check = compileParameters(schema);

describe('compileParameters()', () => {
  describe('when coercing strings from GET or a v1 form', () => {
    it('should turn "5" into 5 and "1.5" into 1.5', () => {
      const params = check({ Limit: '5', Ratio: '1.5' }, { coerce: true });
      expect(params).toEqual({ Limit: 5, Ratio: 1.5 });
    });

    it('should turn "true" and "false" into booleans', () => {
      expect(check({ DryRun: 'false' }, { coerce: true })).toEqual({
        DryRun: false,
      });
    });

    it('should refuse "1.5" for an Integer with InvalidParameter', () => {
      expect(outcome(schema, { Limit: '1.5' }, true)).toBe('InvalidParameter');
    });

    it('should refuse an empty string for an Integer with InvalidParameter', () => {
      expect(outcome(schema, { Limit: '' }, true)).toBe('InvalidParameter');
    });

    it('should make a single value where an array is declared a one-item array', () => {
      const params = check(
        { InstanceIds: 'ins-1', Ports: '22' },
        { coerce: true },
      );
      expect(params).toEqual({ InstanceIds: ['ins-1'], Ports: [22] });
    });

    it('should coerce inside arrays of objects', () => {
      const Filters = [{ Name: 'zone', Values: 'a' }];
      const params = check({ Filters }, { coerce: true });
      expect(params).toEqual({ Filters: [{ Name: 'zone', Values: ['a'] }] });
    });

    it("should leave the caller's object unchanged", () => {
      const params = { Limit: '5', InstanceIds: 'ins-1' };
      const coerced = check(params, { coerce: true });
      expect(params).toEqual({ Limit: '5', InstanceIds: 'ins-1' });
      expect(coerced).not.toBe(params);
    });
  });

  describe('when checking a JSON body, without coercion', () => {
    it('should refuse "5" for an Integer with InvalidParameter', () => {
      expect(outcome(schema, { Limit: '5' })).toBe('InvalidParameter');
    });

    it('should refuse a single value where an array is declared', () => {
      expect(outcome(schema, { InstanceIds: 'ins-1' })).toBe(
        'InvalidParameter',
      );
    });
  });

  describe('when an object schema does not set additionalProperties', () => {
    it('should refuse undeclared members of nested objects', () => {
      const params = { Filters: [{ Name: 'zone', Extra: 1 }] };
      expect(outcome(schema, params)).toBe('UnknownParameter');
    });

    it('should refuse undeclared members of definitions used by $ref', () => {
      const withRef: ParameterSchema = {
        type: 'object',
        properties: { Placement: { $ref: '#/definitions/Placement' } },
        definitions: {
          Placement: {
            type: 'object',
            properties: { Zone: { type: 'string' } },
          },
        },
      };
      expect(outcome(withRef, { Placement: { Zone: 'z', Host: 'h' } })).toBe(
        'UnknownParameter',
      );
    });

    it('should refuse every parameter of an action that declares none', () => {
      expect(outcome({ type: 'object' }, { Limit: 1 })).toBe(
        'UnknownParameter',
      );
    });

    it("should not change the caller's schema", () => {
      const original = structuredClone(schema);
      compileParameters(schema);
      expect(schema).toEqual(original);
      expect(Object.hasOwn(schema, 'additionalProperties')).toBe(false);
    });
  });

  describe('when an object schema sets additionalProperties', () => {
    it('should keep what it says', () => {
      const open: ParameterSchema = {
        type: 'object',
        properties: {
          Tags: { type: 'object', additionalProperties: { type: 'string' } },
        },
      };
      expect(outcome(open, { Tags: { env: 'prod' } })).toBe('accepted');
    });
  });

  describe('when a schema adds conditions with anyOf', () => {
    it('should leave the alternatives open to the members the parent declares', () => {
      const either: ParameterSchema = {
        type: 'object',
        properties: { A: { type: 'string' }, B: { type: 'string' } },
        anyOf: [{ properties: { A: { minLength: 1 } } }, { required: ['B'] }],
      };
      expect(outcome(either, { A: 'a', B: 'b' })).toBe('accepted');
    });
  });

  describe('when the same schema object is compiled twice', () => {
    it('should return the same check', () => {
      expect(compileParameters(schema)).toBe(check);
    });
  });

  describe('when the schema is not valid', () => {
    it.each([
      ['not an object', 'DescribeInstances'],
      ['not an object schema', { type: 'array' }],
      [
        'an unknown type',
        { type: 'object', properties: { A: { type: 'int' } } },
      ],
      ['a misspelt keyword', { type: 'object', requried: ['A'] }],
      [
        'an unknown format',
        { properties: { A: { type: 'string', format: 'email' } } },
      ],
      [
        'a reference to nothing',
        { properties: { A: { $ref: '#/definitions/B' } } },
      ],
      [
        'a required member it does not declare',
        { type: 'object', required: ['A'] },
      ],
    ])('should throw a TypeError at compile time for %s', (_case, bad) => {
      expect(() => compileParameters(bad as ParameterSchema)).toThrow(
        expect.objectContaining({
          name: 'TypeError',
          message: expect.stringMatching(/^express-tcapi: /),
        }),
      );
    });

    it('should say what is wrong', () => {
      const bad = { type: 'object', requried: ['A'] };
      expect(() => compileParameters(bad)).toThrow(
        /unknown keyword: "requried"/,
      );
    });
  });
});
