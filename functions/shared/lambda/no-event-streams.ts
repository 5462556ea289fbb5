// Stands in for @smithy/core/event-streams in the Lambda bundles (an esbuild alias,
// infra/bundling.ts). The SDK's protocol imports it on demand for operations that stream
// events; no DynamoDB operation does, so the ~9 KB minified codec would never run there.
// Should one ever be called, it says so rather than failing somewhere inside the SDK.

const unused = (): never => {
  throw new Error('event streams are not bundled: no DynamoDB operation uses them');
};

export const eventStreamSerdeProvider = unused;

export class EventStreamSerde {
  constructor() {
    unused();
  }
}
