// Wraps the shared Hono app as a Lambda handler (Function URL events, function-url.ts):
// the invocation's context on every log line, and the request's metrics flushed
// before the function freezes.
import type { Hono } from 'hono';
import { logger, metrics } from '../shared/observability.js';
import { FunctionUrlEvent, type FunctionUrlResult, toRequest, toResult } from './function-url.js';

/** What the logger reads of Lambda's context object. */
interface LambdaContext {
  functionName: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
}

export function lambdaHandler(app: Hono) {
  return async (event: unknown, context: LambdaContext): Promise<FunctionUrlResult> => {
    logger.addContext(context);
    try {
      return await toResult(await app.fetch(toRequest(FunctionUrlEvent.parse(event))));
    } finally {
      metrics.publish();
    }
  };
}
