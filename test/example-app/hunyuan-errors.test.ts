import { describe, expect, it } from 'vitest';
import { ask, chat, chatApp, failure } from './hunyuan-support.js';

const app = chatApp();

describe('ChatCompletions', () => {
  describe('when Messages is absent', () => {
    it('should answer MissingParameter naming Messages', async () => {
      const res = await chat(app, { Model: 'hunyuan-lite' });
      expect(failure(res, 'MissingParameter')).toContain('`Messages`');
    });
  });

  describe('when Model is absent', () => {
    it('should answer MissingParameter naming Model', async () => {
      const { Messages } = ask('hi');
      const res = await chat(app, { Messages });
      expect(failure(res, 'MissingParameter')).toContain('`Model`');
    });
  });

  describe('when Model is unknown', () => {
    it('should answer InvalidParameterValue naming Model', async () => {
      const res = await chat(app, { ...ask('hi'), Model: 'hunyuan-giant' });
      expect(failure(res, 'InvalidParameterValue')).toContain('`Model`');
    });
  });

  describe.each([2.01, -0.1, 100])('when Temperature is %s', (value) => {
    it('should answer InvalidParameterValue naming Temperature', async () => {
      const res = await chat(app, { ...ask('hi'), Temperature: value });
      expect(failure(res, 'InvalidParameterValue')).toContain('`Temperature`');
    });
  });

  describe.each([0, 2])('when Temperature is the bound %s', (value) => {
    it('should answer the reply', async () => {
      const res = await chat(app, { ...ask('hi'), Temperature: value });
      expect(res.headers['content-type']).toBe('application/json');
      expect(JSON.parse(res.body).Response.Choices).toHaveLength(1);
    });
  });

  describe('when Temperature is not a number', () => {
    it('should answer InvalidParameter', async () => {
      const res = await chat(app, { ...ask('hi'), Temperature: 'warm' });
      failure(res, 'InvalidParameter');
    });
  });

  describe('when TopP is above 1', () => {
    it('should answer InvalidParameterValue naming TopP', async () => {
      const res = await chat(app, { ...ask('hi'), TopP: 1.5 });
      expect(failure(res, 'InvalidParameterValue')).toContain('`TopP`');
    });
  });

  describe('when Messages is empty', () => {
    it('should answer InvalidParameterValue', async () => {
      const res = await chat(app, { Model: 'hunyuan-lite', Messages: [] });
      failure(res, 'InvalidParameterValue');
    });
  });

  describe('when a message has an unknown role', () => {
    it('should answer InvalidParameterValue naming it', async () => {
      const res = await chat(app, {
        Model: 'hunyuan-lite',
        Messages: [{ Role: 'robot', Content: 'hi' }],
      });
      expect(failure(res, 'InvalidParameterValue')).toContain(
        '`Messages.0.Role`',
      );
    });
  });

  describe('when a message is empty', () => {
    it('should answer InvalidParameterValue naming it', async () => {
      const res = await chat(app, ask(''));
      expect(failure(res, 'InvalidParameterValue')).toContain(
        '`Messages.0.Content`',
      );
    });
  });

  describe('when the last message is not the user', () => {
    it('should answer InvalidParameterValue', async () => {
      const res = await chat(app, {
        Model: 'hunyuan-lite',
        Messages: [
          { Role: 'user', Content: 'hi' },
          { Role: 'assistant', Content: 'HI' },
        ],
      });
      expect(failure(res, 'InvalidParameterValue')).toContain('`user`');
    });
  });

  describe('when a parameter is unknown', () => {
    it('should answer UnknownParameter naming it', async () => {
      const res = await chat(app, { ...ask('hi'), Seeds: 3 });
      expect(failure(res, 'UnknownParameter')).toContain('`Seeds`');
    });
  });

  describe('when Stream is true and a parameter is wrong', () => {
    it('should answer the JSON error envelope, not a stream', async () => {
      const res = await chat(app, {
        ...ask('hi'),
        Stream: true,
        Temperature: 3,
      });
      failure(res, 'InvalidParameterValue');
    });
  });

  describe('when Stream is not a boolean', () => {
    it('should answer InvalidParameter', async () => {
      const res = await chat(app, { ...ask('hi'), Stream: 'yes' });
      failure(res, 'InvalidParameter');
    });
  });
});

describe('createApp({ chat })', () => {
  describe('when delayMs is negative', () => {
    it('should throw an error naming the option', async () => {
      expect(() => chatApp({ delayMs: -1 })).toThrow(/`delayMs` must be/);
    });
  });

  describe('when timeoutMs is 0', () => {
    it('should throw an error naming the option', async () => {
      expect(() => chatApp({ timeoutMs: 0 })).toThrow(/`timeoutMs` must be/);
    });
  });
});
