import { describe, expect, it } from 'vitest';
import { type ApiError, isApiError } from '../src/errors/api-error.js';
import {
  compileParameters,
  type ParameterSchema,
} from '../src/protocol/parameters.js';

// The error a check throws for `params`, asserted to be an ApiError.
function refusal(
  schema: ParameterSchema,
  params: Record<string, unknown>,
): ApiError {
  try {
    compileParameters(schema)(params, { coerce: false });
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('the parameters were accepted');
}

function expectRefusal(error: ApiError, code: string, english: string): void {
  expect(error.code).toBe(code);
  expect(error.message).toBe(english);
  const chinese = error.localized?.['zh-CN'];
  expect(chinese).toMatch(/\S/);
  expect(chinese).not.toBe(english);
}

const NOT_IN_FORMAT = 'The parameter `P` is not in the expected format.';

const one = (schema: Record<string, unknown>): ParameterSchema => ({
  type: 'object',
  properties: { P: schema },
});

describe('compileParameters()', () => {
  describe('when the parameters match the schema', () => {
    it('should return the very object it was given', () => {
      const params = { P: 5 };
      const check = compileParameters(one({ type: 'integer' }));
      expect(check(params, { coerce: false })).toBe(params);
    });
  });

  describe('when a parameter is not declared', () => {
    it('should answer UnknownParameter naming it', () => {
      const error = refusal(one({ type: 'integer' }), { P: 1, Limit: 2 });
      expectRefusal(
        error,
        'UnknownParameter',
        'The parameter `Limit` is not recognized.',
      );
    });
  });

  describe('when a required parameter is absent', () => {
    it('should answer MissingParameter naming it', () => {
      const schema = { ...one({ type: 'array' }), required: ['P'] };
      const error = refusal(schema, {});
      expectRefusal(
        error,
        'MissingParameter',
        'The request is missing a required parameter `P`.',
      );
    });
  });

  describe('when a parameter has the wrong type', () => {
    it.each([
      [{ type: 'integer' }, 1.5, 'Integer'],
      [{ type: 'number' }, '1', 'Float'],
      [{ type: 'string' }, 1, 'String'],
      [{ type: 'boolean' }, 'true', 'Boolean'],
      [{ type: 'object' }, [], 'Object'],
      [{ type: 'array', items: { type: 'string' } }, 'a', 'Array of String'],
      [{ type: 'array', items: { properties: {} } }, {}, 'Array of Object'],
      [{ type: 'array' }, 'a', 'Array'],
      [{ type: ['integer', 'string'] }, true, 'Integer or String'],
    ])(
      'should answer InvalidParameter naming the type of %j',
      (schema, value, type) => {
        const error = refusal(one(schema), { P: value });
        const english = `The parameter \`P\` must be of type ${type}.`;
        expectRefusal(error, 'InvalidParameter', english);
      },
    );
  });

  describe('when a string does not match its pattern', () => {
    it('should answer InvalidParameter saying it is not in the expected format', () => {
      const error = refusal(one({ type: 'string', pattern: '^ins-' }), {
        P: 'vm-1',
      });
      expectRefusal(error, 'InvalidParameter', NOT_IN_FORMAT);
    });
  });

  describe('when a string does not match its format', () => {
    it.each([
      ['date', '2024-02-30'],
      ['date-time', '2024-01-01 25:00:00Z'],
      ['ipv4', '10.0.0.256'],
      ['uuid', 'not-a-uuid'],
    ])('should answer InvalidParameter for a bad %s', (format, value) => {
      const error = refusal(one({ type: 'string', format }), { P: value });
      expectRefusal(error, 'InvalidParameter', NOT_IN_FORMAT);
    });
  });

  describe('when a string matches its format', () => {
    it.each([
      ['date', '2024-02-29'],
      ['date-time', '2024-02-29T23:59:59.5+08:00'],
      ['ipv4', '10.0.0.255'],
      ['uuid', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ])('should accept a good %s', (format, value) => {
      const check = compileParameters(one({ type: 'string', format }));
      expect(check({ P: value }, { coerce: false })).toEqual({ P: value });
    });
  });

  describe('when a value is of another kind than its const or enum', () => {
    it('should answer InvalidParameter naming the expected type', () => {
      const error = refusal(one({ enum: ['ASC', 'DESC'] }), { P: 1 });
      const english = 'The parameter `P` must be of type String.';
      expectRefusal(error, 'InvalidParameter', english);
    });
  });

  describe('when a value matches none of anyOf', () => {
    it('should answer InvalidParameter saying the parameter is not valid', () => {
      const schema = one({
        anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^x' }],
      });
      const error = refusal(schema, { P: 'y' });
      expectRefusal(
        error,
        'InvalidParameter',
        'The parameter `P` is not valid.',
      );
    });
  });

  describe('when a well-formed value is out of range', () => {
    it.each([
      [{ minimum: 1 }, 0, 'The value of the parameter `P` must be at least 1.'],
      [
        { maximum: 100 },
        101,
        'The value of the parameter `P` must be at most 100.',
      ],
      [
        { exclusiveMinimum: 0 },
        0,
        'The value of the parameter `P` must be greater than 0.',
      ],
      [
        { exclusiveMaximum: 9 },
        9,
        'The value of the parameter `P` must be less than 9.',
      ],
      [
        { multipleOf: 10 },
        15,
        'The value of the parameter `P` must be a multiple of 10.',
      ],
      [
        { minLength: 1 },
        '',
        'The value of the parameter `P` must be at least 1 character long.',
      ],
      [
        { maxLength: 3 },
        'abcd',
        'The value of the parameter `P` must be at most 3 characters long.',
      ],
      [{ minItems: 1 }, [], 'The parameter `P` must have at least 1 item.'],
      [
        { maxItems: 2 },
        [1, 2, 3],
        'The parameter `P` must have at most 2 items.',
      ],
      [
        { uniqueItems: true },
        [1, 1],
        'The parameter `P` must not contain duplicate items.',
      ],
      [
        { type: 'object', minProperties: 1 },
        {},
        'The parameter `P` must have at least 1 member.',
      ],
      [
        { enum: ['ASC', 'DESC'] },
        'UP',
        'The value of the parameter `P` must be one of ASC, DESC.',
      ],
      [{ const: 'v1' }, 'v2', 'The value of the parameter `P` must be v1.'],
      [
        { enum: [1.5, 2.5] },
        2,
        'The value of the parameter `P` must be one of 1.5, 2.5.',
      ],
    ])(
      'should answer InvalidParameterValue for %j',
      (schema, value, english) => {
        const error = refusal(one(schema), { P: value });
        expectRefusal(error, 'InvalidParameterValue', english);
      },
    );

    it('should not list allowed values too many to read', () => {
      const values = Array.from({ length: 100 }, (_, i) => `ap-region-${i}`);
      const error = refusal(one({ enum: values }), { P: 'ap-nowhere' });
      expectRefusal(
        error,
        'InvalidParameterValue',
        'The value of the parameter `P` is not one of the allowed values.',
      );
    });

    it('should never echo the value the client sent', () => {
      const value = `secret-${'x'.repeat(40)}`;
      const error = refusal(one({ type: 'string', maxLength: 8 }), {
        P: value,
      });
      expect(error.message).not.toContain('secret');
      expect(error.localized?.['zh-CN']).not.toContain('secret');
    });
  });
});
