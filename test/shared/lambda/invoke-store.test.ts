// The bundles' stand-in for @aws/lambda-invoke-store (infra/bundling.ts) answers the SDK's
// recursion detection as the library does: the store the Lambda runtime published on
// globalThis.awslambda, its trace id and trace context; where none is published, no trace id
// (the library's own empty store has none either), and none at all under the switch that
// keeps the library off globalThis.
import { InvokeStore as Library } from '@aws/lambda-invoke-store';
import { afterEach, describe, expect, it } from 'vitest';
import { InvokeStore } from '../../../functions/shared/lambda/invoke-store.js';

const scope = globalThis as { awslambda?: { InvokeStore?: unknown } };
const before = scope.awslambda;

afterEach(() => {
  scope.awslambda = before;
  delete process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA;
});

describe('invoke store stand-in', () => {
  it("reads the runtime's published store: its trace id and trace context", async () => {
    const published = {
      getXRayTraceId: () => 'Root=1-5759e988-bd862e3fe1be46a994272793',
      getTraceparent: () => '00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01',
    };
    scope.awslambda = { InvokeStore: published };
    const store = await InvokeStore.getInstanceAsync();
    expect(store).toBe(published);
    expect(store?.getXRayTraceId()).toBe('Root=1-5759e988-bd862e3fe1be46a994272793');
    expect(store?.getTraceparent?.()).toMatch(/^00-/);
  });

  it('answers no trace id where no store is published, as the library does', async () => {
    scope.awslambda = {};
    const library = await Library.getInstanceAsync();
    expect(library?.getXRayTraceId()).toBeUndefined();
    expect(library?.getTraceparent()).toBeUndefined();
    scope.awslambda = {};
    expect((await InvokeStore.getInstanceAsync())?.getXRayTraceId()).toBeUndefined();
  });

  it('leaves globalThis alone under AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA', async () => {
    process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA = 'true';
    scope.awslambda = { InvokeStore: { getXRayTraceId: () => 'Root=1-x' } };
    expect(await InvokeStore.getInstanceAsync()).toBeUndefined();
  });
});
