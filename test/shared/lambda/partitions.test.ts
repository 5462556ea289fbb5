// The bundles' stand-in for @aws-sdk/core/client (infra/bundling.ts) answers the endpoint
// rules' `aws.partition` as the real module does for every region the SDK's table lists, and
// the DynamoDB client resolves its endpoints with it.

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { partition as realPartition } from '@aws-sdk/core/client';
import { customEndpointFunctions } from '@smithy/core/endpoints';
import { afterAll, describe, expect, it } from 'vitest';
import { awsEndpointFunctions, partition } from '../../../functions/shared/lambda/partitions.js';
// @ts-expect-error -- the SDK's table of partitions by its file, which carries no types
import { partitionsInfo } from '../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js';

/** The real answer, less the region's description (which no endpoint rule reads). */
function realAnswer(region: string): object {
  const { description: _, ...answer } = realPartition(region) as { description?: string };
  return answer;
}

const table = partitionsInfo as { partitions: { id: string; regions: Record<string, unknown> }[] };

describe('partitions stand-in', () => {
  const real = customEndpointFunctions.aws;
  afterAll(() => {
    if (real !== undefined) customEndpointFunctions.aws = real;
  });

  it('answers as the real module for every region of every partition in the SDK table', () => {
    const regions = table.partitions.flatMap((p) => Object.keys(p.regions));
    expect(regions.length).toBeGreaterThan(30);
    for (const region of regions) expect(partition(region), region).toEqual(realAnswer(region));
  });

  it('answers as the real module for regions the table does not list yet, and for no region', () => {
    for (const region of ['ap-southeast-9', 'cn-south-7', 'us-gov-north-3', 'mars-east-1', ''])
      expect(partition(region), region).toEqual(realAnswer(region));
  });

  it("is what the DynamoDB client's endpoint rules call", async () => {
    customEndpointFunctions.aws = awsEndpointFunctions;
    const url = async (region: string, fips = false) => {
      const client = new DynamoDBClient({ region });
      const endpoint = client.config.endpointProvider({
        Region: region,
        UseFIPS: fips,
        UseDualStack: false,
      });
      client.destroy();
      return endpoint.url.href;
    };
    expect(await url('eu-west-1')).toBe('https://dynamodb.eu-west-1.amazonaws.com/');
    expect(await url('cn-north-1')).toBe('https://dynamodb.cn-north-1.amazonaws.com.cn/');
    expect(await url('us-gov-west-1', true)).toBe('https://dynamodb.us-gov-west-1.amazonaws.com/');
  });
});
