// The public feed: the feed function (read-only on the table) behind CloudFront.
//
//   viewer ──https──▶ CloudFront ──SigV4 (OAC)──▶ feed Function URL (AWS_IAM) ──▶ feed λ ──read──▶ table
//
// Why a Lambda Function URL with origin access control rather than an HTTP API in front
// of the feed: the Function URL uses AuthType AWS_IAM, and its resource policy lets
// only this distribution (cloudfront.amazonaws.com with this distribution's ARN) invoke
// it, so CloudFront cannot be bypassed and nobody can run up the bill by calling the
// origin directly; an HTTP API would be public unless we added a shared-secret header
// or an authorizer. It also costs nothing extra, has no 30 s integration cap, no stage
// path to strip, and delivers the same payload format 2.0 as an HTTP API, so the
// handler is the same either way.
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type FunctionPartProps, SERVICE_NAME, serviceFunction } from './service-function.js';
import { TableAccess } from './table-access.js';

/** The feed function's reserved concurrency unless the stack is told otherwise. */
export const DEFAULT_FEED_CONCURRENCY = 20;

// Copies the viewer's Host into x-forwarded-host before CloudFront talks to the Function
// URL. The origin must receive the Function URL's own Host (SigV4/OAC signs it), so the
// app would otherwise only ever see *.lambda-url.<region>.on.aws and build wrong
// absolute links. Overwriting (never appending) also discards any x-forwarded-host a
// viewer sent, so the header cannot be spoofed. The Function URL itself adds
// x-forwarded-proto: https.
const FORWARD_HOST_CODE = `function handler(event) {
  var request = event.request;
  if (request.headers.host) {
    request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  } else {
    delete request.headers['x-forwarded-host'];
  }
  return request;
}`;

export interface FeedServiceProps extends FunctionPartProps {
  /** reserved concurrent executions (default 20) */
  readonly concurrency?: number;
  readonly acknowledgeNagFindings: boolean;
}

/** Adds the cursor-signing secret, the feed function and its Function URL, and the
 *  CloudFront distribution in front of it to `scope`, with the ids a deployed stack has. */
export class FeedService {
  readonly cursorKey: secretsmanager.Secret;
  readonly function: nodejs.NodejsFunction;
  readonly url: lambda.FunctionUrl;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, props: FeedServiceProps) {
    // The secret that signs feed cursors: every feed instance shares it, so a next link
    // works whichever instance answers, and a made-up cursor is refused before any read.
    // CloudFormation resolves it into the function's environment at deploy time (the
    // template holds only the reference; the role needs no Secrets Manager access).
    this.cursorKey = new secretsmanager.Secret(scope, 'CursorKey', {
      description: `diplomacy-feed (${props.stage}): signs feed cursors (next links)`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: props.removalPolicy,
    });
    const concurrency = props.concurrency ?? DEFAULT_FEED_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1000) {
      throw new Error('feedConcurrency must be a whole number from 1 to 1000');
    }
    // A Query plus one BatchGetItem and rendering ≤100 items. 1024 MB buys the CPU
    // share that keeps cold starts (≈0.5–1 MB bundle) and rendering short; 10 s is far
    // above the expected ~100 ms and below CloudFront's 30 s origin timeout.
    this.function = serviceFunction(scope, 'Feed', {
      stage: props.stage,
      entry: props.entry,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: `${SERVICE_NAME}-feed`,
        CURSOR_KEY: this.cursorKey.secretValue.unsafeUnwrap(),
      },
      description: `diplomacy-feed (${props.stage}): public feeds, read-only`,
      removalPolicy: props.removalPolicy,
      reservedConcurrentExecutions: concurrency,
    });
    new TableAccess(scope, 'FeedTableAccess', {
      table: props.table,
      grantee: this.function,
      access: 'read',
    });

    // CloudFront → Function URL (AWS_IAM) with origin access control
    this.url = this.function.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.AWS_IAM,
      invokeMode: lambda.InvokeMode.BUFFERED,
    });
    const origin = origins.FunctionUrlOrigin.withOriginAccessControl(this.url, {
      readTimeout: Duration.seconds(15),
      keepaliveTimeout: Duration.seconds(5),
    });

    // The origin decides freshness: min TTL 0 and default TTL 0, so a response without
    // Cache-Control is not cached and a Cache-Control: max-age=N one is cached N seconds
    // (capped at a day). The whole query string is in the key (filters, cursor, limit,
    // lang), and so is x-forwarded-host (one cached copy per public host name, since
    // the body's absolute links depend on it; cache-key headers also reach the origin).
    // No cookies: CloudFront does not support If-None-Match/If-Modified-Since when
    // cookies are forwarded. With none, CloudFront answers a viewer's conditional request
    // from its cached ETag/Last-Modified with 304, and revalidates a stale object with
    // its own conditional request to the origin, which answers 304 without a body.
    const cacheKey = {
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    };
    const feedCachePolicy = new cloudfront.CachePolicy(scope, 'FeedCachePolicy', {
      comment: 'diplomacy-feed: origin Cache-Control, full query string, viewer host',
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('x-forwarded-host'),
      ...cacheKey,
    });
    // /events/{id} answers HTML or the JSON Feed item by Accept, and CloudFront ignores
    // Vary, so Accept is part of the key there (and only there, to keep feed hits high).
    const eventCachePolicy = new cloudfront.CachePolicy(scope, 'EventCachePolicy', {
      comment: 'diplomacy-feed /events/*: as the feeds, plus Accept',
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('x-forwarded-host', 'accept'),
      ...cacheKey,
    });
    const forwardHost = new cloudfront.Function(scope, 'ForwardHostFunction', {
      comment: 'Copy the viewer Host into x-forwarded-host for the origin',
      code: cloudfront.FunctionCode.fromInline(FORWARD_HOST_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const behavior = (cachePolicy: cloudfront.ICachePolicy): cloudfront.BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      // Reads only: POST /articles is not served here (see the ingest endpoint).
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      cachePolicy,
      compress: true,
      responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      functionAssociations: [
        { function: forwardHost, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
      ],
    });
    this.distribution = new cloudfront.Distribution(scope, 'Distribution', {
      comment: `diplomacy-feed (${props.stage})`,
      defaultBehavior: behavior(feedCachePolicy),
      additionalBehaviors: { '/events/*': behavior(eventCachePolicy) },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // North America, Europe, Asia (Viet Nam included), Middle East and Africa.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
    });

    if (props.acknowledgeNagFindings) this.acknowledgeNagFindings();
  }

  /** cdk-nag AwsSolutions findings accepted for this design, each with its reason. */
  private acknowledgeNagFindings(): void {
    const ack = (scope: Construct, id: string, reason: string) =>
      Validations.of(scope).acknowledge({ id, reason });
    ack(
      this.cursorKey,
      'AwsSolutions-SMG4',
      'The key only signs feed cursors (next links); rotating it would break every next link in flight for no gain, since a leaked key lets one forge a cursor, which is a cache miss, not a disclosure.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR1',
      'A public news feed with no geographic licensing limits: every country may read it.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR2',
      'Read-only, cacheable GET/HEAD traffic to a Lambda origin that only CloudFront may invoke; a WAF web ACL (~$5+/month) is out of proportion for a sandbox feed. Add one per stage if abuse appears.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR3',
      'Every origin request is logged by the feed function (Powertools logger) and CloudFront publishes request metrics; standard access logs would need a log bucket with its own lifecycle for a sandbox feed.',
    );
    ack(
      this.distribution,
      'AwsSolutions-CFR4',
      'The distribution uses the default *.cloudfront.net certificate, with which CloudFront does not let the minimum viewer TLS version be raised; set a custom domain and certificate (TLSv1.2_2021) to change it.',
    );
  }
}
