import { chatCompletions, type ChatOptions } from './chat.js';
import type { HunyuanActions } from './models.js';

/** The API version this service implements. */
export const HUNYUAN_VERSION = '2023-09-01';

/** The Hunyuan actions this service implements. */
export function hunyuanActions(options: ChatOptions = {}): HunyuanActions {
  return { ChatCompletions: chatCompletions(options) };
}

export type { ChatOptions } from './chat.js';
export type {
  ChatCompletion,
  ChatRequest,
  HunyuanActions,
  HunyuanClient,
} from './models.js';
export { MODELS } from './schema.js';
export type { ReplyReport } from './stream.js';
