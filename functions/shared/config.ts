// The functions' environment, validated once at start-up.
import * as z from 'zod/mini';

const Environment = z.object({
  TABLE_NAME: z.string().check(z.minLength(3), z.maxLength(255)),
  /** absolute origin of the public site (e.g. the CloudFront domain); without it the
   *  origin is taken from the request (X-Forwarded-Host, else Host) */
  PUBLIC_BASE_URL: z.optional(z.url({ protocol: /^https?$/ })),
  /** DynamoDB endpoint override: DynamoDB Local or the local runtime's dynalite */
  DYNAMODB_ENDPOINT: z.optional(z.url({ protocol: /^https?$/ })),
  AWS_REGION: z.optional(z.string()),
  /** the secret that signs feed cursors; every instance of the feed function must
   *  share it (the stack passes a generated secret) */
  CURSOR_KEY: z.optional(z.string().check(z.minLength(32))),
});
export type Config = z.infer<typeof Environment>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`invalid environment: ${fields}`);
  }
  return parsed.data;
}
