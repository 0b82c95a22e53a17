/** The models this service answers for; any other is refused. */
export const MODELS: readonly string[] = Object.freeze([
  'hunyuan-lite',
  'hunyuan-standard',
  'hunyuan-pro',
  'hunyuan-turbo',
  'hunyuan-turbos-latest',
]);

/** The roles a message may have. */
export const ROLES: readonly string[] = Object.freeze([
  'system',
  'user',
  'assistant',
]);

/** The real service keeps at most 40 messages of a conversation. */
const MAX_MESSAGES = 40;

/**
 * The parameters of `ChatCompletions` this service understands; the
 * real action's other parameters are refused as `UnknownParameter`.
 */
export const CHAT_PARAMS = Object.freeze({
  type: 'object',
  properties: {
    Model: { type: 'string', enum: MODELS },
    Messages: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_MESSAGES,
      items: {
        type: 'object',
        properties: {
          Role: { type: 'string', enum: ROLES },
          Content: { type: 'string', minLength: 1 },
        },
        required: ['Role', 'Content'],
      },
    },
    Stream: { type: 'boolean' },
    Temperature: { type: 'number', minimum: 0, maximum: 2 },
    TopP: { type: 'number', minimum: 0, maximum: 1 },
  },
  required: ['Model', 'Messages'],
});
