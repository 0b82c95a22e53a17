/** What the SDK throws for an error envelope. */
export interface SdkError {
  code?: string;
  message: string;
  requestId: string;
  httpCode?: number;
}

/** The error a call is rejected with; fails the test if it resolves. */
export async function rejection(call: Promise<unknown>): Promise<SdkError> {
  const outcome = await call.then(
    (result) => ({ result }),
    (error: SdkError) => ({ error }),
  );
  if ('result' in outcome) {
    throw new Error(`Expected an error, got ${JSON.stringify(outcome.result)}`);
  }
  return outcome.error;
}
