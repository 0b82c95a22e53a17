import {
  ApiError,
  type ActionContext,
  type ActionHandler,
} from 'express-tcapi';
import { ZONES } from './catalog.js';
import { checkParameters, type Schema } from './params.js';

/** What a CVM action is given once the request passed the common checks. */
export interface CvmRequest<P> {
  params: P;
  /** A region this service serves, from `X-TC-Region`. */
  region: string;
  context: ActionContext;
}

/**
 * An action handler that first checks the region, then the parameters, in
 * the order the real service reports them.
 */
export function cvmAction<P>(
  schema: Schema,
  run: (request: CvmRequest<P>) => unknown,
): ActionHandler {
  return (params, context) => {
    const region = servedRegion(context.region);
    return run({ params: checkParameters<P>(params, schema), region, context });
  };
}

function servedRegion(region: string | undefined): string {
  if (!region) {
    throw new ApiError(
      'MissingParameter',
      'The request is missing a required parameter `Region`.',
    );
  }
  if (!Object.hasOwn(ZONES, region)) {
    throw new ApiError(
      'UnsupportedRegion',
      `The region \`${region}\` is not supported by this API.`,
    );
  }
  return region;
}
