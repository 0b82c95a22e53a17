import type { ActionContext, ActionsOf } from 'express-tcapi';
import type { cvm } from 'tencentcloud-sdk-nodejs-cvm';

/** The official CVM client, whose methods type the actions. */
export type CvmClient = InstanceType<typeof cvm.v20170312.Client>;

/** The action table of CVM 2017-03-12, typed by the SDK's models. */
export type CvmActions = ActionsOf<CvmClient>;

/** The names of the CVM actions. */
export type CvmActionName = keyof CvmActions;

/**
 * The `{ params, handler }` entry of one action: the handler takes the
 * SDK's request model and must return its response model.
 */
export type CvmAction<A extends CvmActionName> = Extract<
  NonNullable<CvmActions[A]>,
  { readonly handler: unknown }
>;

/** The request model of one action, as the SDK declares it. */
export type RequestOf<A extends CvmActionName> = Parameters<CvmClient[A]>[0];

/**
 * The caller's region. The router refuses requests without a served
 * region before any handler runs, so this only narrows the type.
 */
export function regionOf(context: ActionContext): string {
  if (context.region === undefined) {
    throw new Error('The CVM actions need actionRouter({ regions }).');
  }
  return context.region;
}
