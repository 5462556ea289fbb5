// Stands in for @aws-sdk/core/client in the Lambda bundles (an esbuild alias,
// infra/bundling.ts). The DynamoDB client's endpoint rules ask `aws.partition(region)` for the
// partition a region is in: its DNS suffixes and what it supports. The real module answers
// from a table of every partition with every region in it and its description (~4.7 KB
// minified, in an ingest bundle held to its size budget); this one from each partition's
// answer and the pattern of its regions' names (and its "-global" region), which give the
// same answer for every region the real table lists (test/shared/lambda/partitions.test.ts).
// Everything else is the real module's, re-exported by its file (past this alias), but for
// the file that registers the real functions with the endpoint resolver, which would keep
// the table in the bundle: this module registers its own.
import type * as Real from '@aws-sdk/core/client';
import { customEndpointFunctions } from '@smithy/core/endpoints';
// @ts-expect-error -- the real module's files carry no types of their own at these paths: they
// are @aws-sdk/core/client's, imported above
import { isVirtualHostableS3Bucket as realIsVirtualHostableS3Bucket } from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/isVirtualHostableS3Bucket.js';
// @ts-expect-error -- as above
import { parseArn as realParseArn } from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/parseArn.js';

// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/emitWarningIfUnsupportedVersion.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/getDefaultSocketTimeout.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/longPollMiddleware.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-host-header/hostHeaderMiddleware.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-logger/loggerMiddleware.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-recursion-detection/configuration.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-recursion-detection/getRecursionDetectionPlugin.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-recursion-detection/recursionDetectionMiddleware.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-user-agent/configurations.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-user-agent/user-agent-middleware.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/region-config-resolver/awsRegionConfig.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/region-config-resolver/extensions.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/setCredentialFeature.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/setFeature.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/setTokenFeature.js';
// @ts-expect-error -- as above
export { getUserAgentPrefix } from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partition.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/isIpAddress.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/resolveDefaultAwsRegionalEndpointsConfig.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/resolveEndpoint.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/types/EndpointError.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-user-agent-node/defaultUserAgent.js';
// @ts-expect-error -- as above
export * from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-user-agent-node/nodeAppIdConfigOptions.js';

const isVirtualHostableS3Bucket =
  realIsVirtualHostableS3Bucket as typeof Real.isVirtualHostableS3Bucket;
const parseArn = realParseArn as typeof Real.parseArn;

export { isVirtualHostableS3Bucket, parseArn };

/** What every partition answers: its DNS suffixes, the region global endpoints live in, and
 *  the features it supports (all partitions today support FIPS and dual stack). */
interface PartitionAnswer {
  name: string;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
  implicitGlobalRegion: string;
  supportsFIPS: boolean;
  supportsDualStack: boolean;
}

/** Each partition: the pattern of its regions' names, and its answer (as the SDK's table
 *  gives them, in its order). */
const PARTITIONS: ReadonlyArray<{ regions: RegExp; answer: PartitionAnswer }> = (
  [
    ['aws', /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, 'amazonaws.com', 'api.aws', 'us-east-1'],
    [
      'aws-cn',
      /^cn-\w+-\d+$/,
      'amazonaws.com.cn',
      'api.amazonwebservices.com.cn',
      'cn-northwest-1',
    ],
    [
      'aws-eusc',
      /^eusc-(de)-\w+-\d+$/,
      'amazonaws.eu',
      'api.amazonwebservices.eu',
      'eusc-de-east-1',
    ],
    ['aws-iso', /^us-iso-\w+-\d+$/, 'c2s.ic.gov', 'api.aws.ic.gov', 'us-iso-east-1'],
    ['aws-iso-b', /^us-isob-\w+-\d+$/, 'sc2s.sgov.gov', 'api.aws.scloud', 'us-isob-east-1'],
    [
      'aws-iso-e',
      /^eu-isoe-\w+-\d+$/,
      'cloud.adc-e.uk',
      'api.cloud-aws.adc-e.uk',
      'eu-isoe-west-1',
    ],
    ['aws-iso-f', /^us-isof-\w+-\d+$/, 'csp.hci.ic.gov', 'api.aws.hci.ic.gov', 'us-isof-south-1'],
    ['aws-us-gov', /^us-gov-\w+-\d+$/, 'amazonaws.com', 'api.aws', 'us-gov-west-1'],
  ] as const
).map(([name, regions, dnsSuffix, dualStackDnsSuffix, implicitGlobalRegion]) => ({
  regions,
  answer: {
    name,
    dnsSuffix,
    dualStackDnsSuffix,
    implicitGlobalRegion,
    supportsFIPS: true,
    supportsDualStack: true,
  },
}));

/** The partition of a region: the one its "-global" region names, else the first whose
 *  pattern its name fits, else the commercial partition, "aws" (as the real function). */
export const partition = (region: string): PartitionAnswer => {
  const found =
    PARTITIONS.find((p) => region === `${p.answer.name}-global`) ??
    PARTITIONS.find((p) => p.regions.test(region)) ??
    PARTITIONS[0]!;
  return { ...found.answer };
};

/** The functions the endpoint rules of AWS clients call as `aws.*`. */
export const awsEndpointFunctions = { isVirtualHostableS3Bucket, parseArn, partition };
customEndpointFunctions.aws = awsEndpointFunctions;
