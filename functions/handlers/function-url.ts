// A Lambda Function URL invocation (payload 2.0) as a fetch Request, and the app's
// Response back as the result Lambda returns. Both functions sit behind a Function URL
// only, so this is the one event shape they take; Hono's adapter reads every API Gateway,
// ALB and VPC Lattice shape as well, ~4 KB of an ingest bundle held to its size budget.
import * as z from 'zod/mini';

/** The fields of a Function URL event a request is made of (AWS sends more). */
export const FunctionUrlEvent = z.object({
  rawPath: z.string(),
  rawQueryString: z.string(),
  headers: z.record(z.string(), z.string()),
  cookies: z.optional(z.array(z.string())),
  body: z.optional(z.string()),
  // (absent where there is no body)
  isBase64Encoded: z.optional(z.boolean()),
  requestContext: z.object({ http: z.object({ method: z.string() }) }),
});
export type FunctionUrlEvent = z.infer<typeof FunctionUrlEvent>;

export interface FunctionUrlResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: string;
  isBase64Encoded: boolean;
}

/** Content that travels as text; anything else is base64, as Lambda requires of bytes. */
const TEXT_CONTENT = /^(?:text\/|application\/(?:[\w.-]+\+)?(?:json|xml)\b)|charset=/iu;

export function toRequest(event: FunctionUrlEvent): Request {
  const { rawPath, rawQueryString, cookies, body, requestContext } = event;
  const headers = new Headers(event.headers);
  // (Lambda hands the request's cookies over apart from its other headers)
  if (cookies !== undefined && cookies.length > 0) headers.set('cookie', cookies.join('; '));
  const method = requestContext.http.method;
  const query = rawQueryString === '' ? '' : `?${rawQueryString}`;
  return new Request(`https://${headers.get('host') ?? 'localhost'}${rawPath}${query}`, {
    method,
    headers,
    body:
      body === undefined || method === 'GET' || method === 'HEAD'
        ? undefined
        : event.isBase64Encoded
          ? Buffer.from(body, 'base64')
          : body,
  });
}

export async function toResult(response: Response): Promise<FunctionUrlResult> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = TEXT_CONTENT.test(response.headers.get('content-type') ?? '');
  return {
    statusCode: response.status,
    headers,
    cookies: response.headers.getSetCookie(),
    body: bytes.toString(text ? 'utf8' : 'base64'),
    isBase64Encoded: !text,
  };
}
