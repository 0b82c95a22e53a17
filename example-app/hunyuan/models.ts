import type { ActionsOf } from 'express-tcapi';
import type { hunyuan } from 'tencentcloud-sdk-nodejs-hunyuan';

/** The official Hunyuan client, whose methods type the actions. */
export type HunyuanClient = InstanceType<typeof hunyuan.v20230901.Client>;

/** The action table of Hunyuan 2023-09-01, typed by the SDK's models. */
export type HunyuanActions = ActionsOf<HunyuanClient>;

/** The `{ params, handler }` entry of `ChatCompletions`. */
export type ChatAction = Extract<
  NonNullable<HunyuanActions['ChatCompletions']>,
  { readonly handler: unknown }
>;

/** The request model of `ChatCompletions`, as the SDK declares it. */
export type ChatRequest = Parameters<HunyuanClient['ChatCompletions']>[0];

/**
 * One `ChatCompletions` answer: the whole reply, or one streamed event.
 * The real service sends the same model both ways, with `Message` in the
 * first and `Delta` in the second.
 */
export type ChatCompletion = Omit<
  Awaited<ReturnType<HunyuanClient['ChatCompletions']>>,
  'RequestId'
>;

/** One message of the conversation. */
export type ChatMessage = ChatRequest['Messages'][number];
