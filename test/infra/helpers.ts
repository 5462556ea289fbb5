import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DiplomacyFeedStack, type DiplomacyFeedStackProps } from '../../infra/stack.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const FIXTURE_HANDLER = path.join(here, 'fixtures/handler.ts');

export interface Built {
  app: App;
  stack: DiplomacyFeedStack;
  template: Template;
}

/** Synthesizes the stack without bundling (fixture entries) unless `bundle` is set. */
export function build(
  props: DiplomacyFeedStackProps & { bundle?: boolean; nag?: boolean } = {},
): Built {
  const { bundle = false, nag = false, ...stackProps } = props;
  const app = new App(bundle ? {} : { context: { 'aws:cdk:bundling-stacks': [] } });
  if (nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new DiplomacyFeedStack(app, 'Test', {
    env: { account: '123456789012', region: 'eu-west-1' },
    ...(bundle
      ? {}
      : { entries: { feed: FIXTURE_HANDLER, ingest: FIXTURE_HANDLER, poll: FIXTURE_HANDLER } }),
    ...stackProps,
  });
  return { app, stack, template: Template.fromStack(stack) };
}

type Resources = Record<
  string,
  { Type: string; Properties?: any; DeletionPolicy?: string; UpdateReplacePolicy?: string }
>;

export function resources(template: Template): Resources {
  return template.toJSON().Resources as Resources;
}

/** Logical id of the execution role of the function whose logical id starts with `prefix`. */
export function roleOf(template: Template, prefix: string): string {
  const fns = Object.entries(resources(template)).filter(
    ([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith(prefix),
  );
  if (fns.length !== 1) throw new Error(`expected one function ${prefix}*, found ${fns.length}`);
  const role = fns[0]![1].Properties.Role;
  return role['Fn::GetAtt'][0];
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  NotAction?: unknown;
}

/** Every policy statement that applies to a role: its inline policies and AWS::IAM::Policy resources attached to it. */
export function statementsOfRole(
  template: Template,
  roleId: string,
): { statements: Statement[]; managed: unknown[] } {
  const all = resources(template);
  const role = all[roleId];
  if (role?.Type !== 'AWS::IAM::Role') throw new Error(`${roleId} is not a role`);
  const statements: Statement[] = [];
  for (const p of role.Properties?.Policies ?? []) statements.push(...p.PolicyDocument.Statement);
  for (const r of Object.values(all)) {
    if (r.Type !== 'AWS::IAM::Policy' && r.Type !== 'AWS::IAM::ManagedPolicy') continue;
    const roles: unknown[] = r.Properties?.Roles ?? [];
    if (roles.some((x) => JSON.stringify(x) === JSON.stringify({ Ref: roleId }))) {
      statements.push(...r.Properties.PolicyDocument.Statement);
    }
  }
  return { statements, managed: role.Properties?.ManagedPolicyArns ?? [] };
}

export function actionsOf(s: Statement): string[] {
  return Array.isArray(s.Action) ? s.Action : [s.Action];
}
