import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Accepts one cdk-nag finding (a rule, or a rule's single finding as `Rule[Finding]`) on one construct and its
 * children, with the reason it is right here; nothing is ever accepted for a whole stack.
 */
export const acknowledge = (scope: IConstruct, rule: string, reason: string): void =>
  Validations.of(scope).acknowledge({ id: rule, reason });
