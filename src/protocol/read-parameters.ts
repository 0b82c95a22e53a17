import type { Request, Response } from 'express';
import express from 'express';
import { ApiError } from '../errors/api-error.js';

/** Reads an action's parameters from the request. */
export type ParameterReader = (
  req: Request,
  res: Response,
) => Promise<Record<string, unknown>>;

/**
 * The parameters of a request: the JSON body of a POST (parsed here
 * unless a body parser already ran), the query string of a GET.
 */
export function readParameters(options: { limit: number | string }): ParameterReader {
  // Not strict: a JSON primitive is valid JSON, and is then refused below
  // as not an object rather than reported as unparseable.
  const parseJson = express.json({
    limit: options.limit,
    strict: false,
    type: () => true,
  });
  return (req, res) => {
    if (req.method !== 'POST') return Promise.resolve({ ...(req.query as object) });
    // A body parser that already ran leaves the stream consumed; the
    // parser then keeps its req.body.
    return new Promise<unknown>((resolve, reject) => {
      parseJson(req, res, (err?: unknown) => (err ? reject(err) : resolve(req.body)));
    }).then(asParameters);
  };
}

function asParameters(body: unknown): Record<string, unknown> {
  if (body === undefined || (isRecord(body) && Object.keys(body).length === 0)) {
    return {};
  }
  if (!isRecord(body)) {
    throw new ApiError('InvalidParameter', 'The request body must be a JSON object.');
  }
  return body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
