// Wraps the shared Hono app as a Lambda handler (Function URL / HTTP API v2 events):
// the invocation's context on every log line, and the request's metrics flushed
// before the function freezes.
import type { Hono } from 'hono';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { logger, metrics } from '../shared/observability.js';

export function lambdaHandler(app: Hono) {
  const handleRequest = handle(app);
  return async (event: LambdaEvent, context: LambdaContext) => {
    logger.addContext(context);
    try {
      return await handleRequest(event, context);
    } finally {
      metrics.publish();
    }
  };
}
