// Wraps the shared Hono app as a Lambda handler (Function URL events, function-url.ts):
// the invocation's context on every log line, and the request's metrics flushed
// before the function freezes.
import type { Hono } from 'hono';
import type { InvocationContext } from '../shared/logger.js';
import { logger, metrics } from '../shared/observability.js';
import { FunctionUrlEvent, type FunctionUrlResult, toRequest, toResult } from './function-url.js';

export function lambdaHandler(app: Hono) {
  return async (event: unknown, context: InvocationContext): Promise<FunctionUrlResult> => {
    logger.addContext(context);
    try {
      return await toResult(await app.fetch(toRequest(FunctionUrlEvent.parse(event))));
    } finally {
      metrics.publish();
    }
  };
}
