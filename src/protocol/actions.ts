import type { Request, RequestHandler, Response } from 'express';
import { asFailure } from '../async-handler.js';
import { contextFor, setLanguage } from '../context.js';
import { ApiError } from '../errors/api-error.js';
import { parseLanguage } from '../language.js';
import { debugActions } from '../log.js';
import { defaultOptions } from '../options.js';
import { sendResult } from '../send-result.js';
import { disconnectSignal } from '../streaming/disconnect-signal.js';
import { isStreamResult } from '../streaming/stream-result.js';
import { writeStream } from '../streaming/write-stream.js';
import type { ActionContext } from './action-definition.js';
import {
  planActions,
  type ActionPlan,
  type ActionRouterOptions,
} from './action-plan.js';
import { decodeRequest } from './decode-request.js';
import * as messages from './messages.js';
import { tc3CommonParameters } from './common-parameters.js';
import { checkTc3Headers } from './signature/verify-tc3.js';
import { verifySignature } from './signature/verify.js';

/**
 * A Tencent Cloud style service at the path it is mounted on: `POST /` or
 * `GET /` in any form the official SDKs send (TC3 JSON, TC3 GET, v1 GET
 * and form POST), checked in the order of the real service (method, size,
 * common parameters, signature, version, action, region, parameters),
 * then dispatched to the action's handler. A handler's result is sent as
 * the success envelope, or as server-sent events when it is a
 * `streamResult()`. Failures go to `next(err)`, for `tcapiFinish()` to
 * answer. Requests to other paths pass on.
 *
 * @example
 * app.use(tcapi());
 * app.use(actionRouter({
 *   credentials: { AKIDexample: 'secret-key' },
 *   versions: { '2017-03-12': {
 *     DescribeInstances: async (params) => ({ TotalCount: 0, InstanceSet: [] }),
 *   } },
 * }));
 * app.use(tcapiFinish());
 */
export function actionRouter(options: ActionRouterOptions): RequestHandler {
  const plan = planActions(options);
  return function tcapiActions(req, res, next) {
    if (req.path !== '/') return next();
    // Failures, also a result that cannot be sent, go to the app's error
    // handlers, so that tcapiFinish()'s options and hook apply to them.
    const fail = (thrown: unknown) => next(asFailure(thrown));
    runAction(req, res, plan).then((result) => {
      if (isStreamResult(result)) {
        const { options } = contextFor(req, res, defaultOptions);
        writeStream(req, res, result, options).then(undefined, fail);
      } else if (!res.headersSent) {
        sendResult(req, res, result, undefined, fail);
      }
    }, fail);
  };
}

async function runAction(
  req: Request,
  res: Response,
  plan: ActionPlan,
): Promise<unknown> {
  const { requestId } = contextFor(req, res, defaultOptions);
  if (req.method !== 'GET' && req.method !== 'POST') {
    throw new ApiError('UnsupportedProtocol', messages.unsupportedProtocol);
  }
  const decoded = await decodeRequest(req, plan.limits, (form) => {
    if (form === 'tc3') checkHeadersFirst(req, plan);
  });
  const language = parseLanguage(decoded.common.language);
  if (language) setLanguage(req, language);
  const { action, version, region } = decoded.common;
  if (!action) throw missing('Action');
  if (!version) throw missing('Version');
  let secretId: string | undefined;
  let unsigned: readonly string[] | undefined;
  if (plan.verify) {
    if (!decoded.signed) throw new Error(BYTES_GONE);
    const verified = await verifySignature(decoded.signed, plan.verify);
    ({ secretId, unsignedParameters: unsigned } = verified);
  }
  const actions = plan.versions.get(version);
  if (!actions) throw new ApiError('NoSuchVersion', messages.noSuchVersion);
  const planned = actions.get(action);
  if (!planned) throw new ApiError('InvalidAction', messages.invalidAction);
  if (planned.retired)
    throw new ApiError('ActionOffline', messages.actionOffline);
  if (plan.regions) {
    if (!region) throw missing('Region');
    if (!plan.regions(region))
      throw new ApiError('UnsupportedRegion', messages.unsupportedRegion);
  }
  const given = decoded.readParams(unsigned);
  const params = planned.check
    ? planned.check(given, { coerce: decoded.coerce })
    : given;
  debugActions('%s %s %s', requestId, version, action);
  const context: ActionContext = {
    action,
    version,
    region,
    secretId,
    requestId,
    language: contextFor(req, res, defaultOptions).language,
    req,
    res,
    signal: disconnectSignal(res),
  };
  return planned.handler(params, context);
}

const BYTES_GONE =
  'A body parser consumed the request before actionRouter() could check its signature: ' +
  'mount it with { verify: captureRawBody }, or after the router.';

// A TC3 request carries its common parameters and its signature's
// timestamp in headers: a forged or incomplete one is refused before its
// body, up to the size limit, is read.
function checkHeadersFirst(req: Request, plan: ActionPlan): void {
  const { action, version } = tc3CommonParameters(req.headers);
  if (!action) throw missing('Action');
  if (!version) throw missing('Version');
  if (plan.verify) checkTc3Headers(req.headers, plan.verify);
}

function missing(name: string): ApiError {
  return new ApiError('MissingParameter', messages.missingParameter(name));
}
