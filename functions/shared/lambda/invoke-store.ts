// Stands in for @aws/lambda-invoke-store in the Lambda bundles (an esbuild alias,
// infra/bundling.ts). The SDK's recursion detection asks it for the invocation's X-Ray trace
// id and W3C trace context. In Lambda the runtime publishes its store on
// `globalThis.awslambda.InvokeStore`, and that is the one read here; where none is published
// the library makes an empty store of its own, which answers nothing, so the SDK takes the
// trace id from `_X_AMZN_TRACE_ID` either way. No code of this service keeps context in the
// store, so none is made here.

/** What the SDK reads of an invocation's store. */
export interface InvocationStore {
  getXRayTraceId(): string | undefined;
  getTraceparent?(): string | undefined;
  getTracestate?(): string | undefined;
  getBaggage?(): string | undefined;
}

/** The environment switch that keeps the library off `globalThis.awslambda`. */
const NO_GLOBAL = 'AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA';

export const InvokeStore = {
  /** the store the Lambda runtime published, if any */
  async getInstanceAsync(): Promise<InvocationStore | undefined> {
    if (['true', '1'].includes(process.env[NO_GLOBAL] ?? '')) return undefined;
    const lambda = (globalThis as { awslambda?: { InvokeStore?: InvocationStore } }).awslambda;
    return lambda?.InvokeStore;
  },
};
