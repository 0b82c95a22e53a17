import createDebug from 'debug';

/** Debug output, enabled with `DEBUG=express-tcapi:*`. */
export const debugErrors = createDebug('express-tcapi:errors');
export const debugActions = createDebug('express-tcapi:actions');
export const debugStreams = createDebug('express-tcapi:streams');
