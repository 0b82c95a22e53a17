// Tencent Cloud APIs take GET and POST; HEAD is answered as a GET would be,
// without a body.
const TENCENT_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** Whether a method is one a Tencent Cloud API answers. */
export function isTencentMethod(method: string): boolean {
  return TENCENT_METHODS.has(method);
}
