/**
 * A signature bench server process: the one-action service, checking
 * signatures unless the variant, named by the first argument, is
 * `unsigned` (see ./ipc-server.ts).
 */
import { createActionApp } from './action-app.js';
import { hasParent, serveOverIpc } from './ipc-server.js';
import { SECRET_ID, SECRET_KEY } from './signature-fixtures.js';
import { isSignatureVariant } from './signature-variants.js';

const variant = process.argv[2];
if (!isSignatureVariant(variant) || !hasParent()) {
  throw new Error('Start this file with fork(file, [variant]).');
}

const credentials =
  variant === 'unsigned' ? undefined : { [SECRET_ID]: SECRET_KEY };
serveOverIpc(createActionApp(credentials));
