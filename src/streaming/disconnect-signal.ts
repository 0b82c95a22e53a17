import type { ServerResponse } from 'node:http';

const CONTROLLERS = new WeakMap<ServerResponse, AbortController>();

/**
 * An `AbortSignal` that aborts when the connection closes before the
 * response finished: the client went away, so whatever is still being
 * computed for it can stop. It never aborts once the response has been
 * sent in full. One signal per response; `actionRouter()` hands the same
 * one to handlers as `context.signal`.
 *
 * @example
 * app.post('/chat', (req, res) =>
 *   sendStream(req, res, reply(req.body, disconnectSignal(res))));
 */
export function disconnectSignal(res: ServerResponse): AbortSignal {
  const known = CONTROLLERS.get(res);
  if (known) return known.signal;
  const controller = new AbortController();
  CONTROLLERS.set(res, controller);
  const closed = () => {
    if (!res.writableFinished) controller.abort();
  };
  if (res.closed) closed();
  else res.once('close', closed);
  return controller.signal;
}
