import { Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { officialPathPrefixes } from '../shared/routes';
import type { DeployStage } from './stage';

export interface EdgeStackProps extends StackProps {
  readonly stage: DeployStage & { readonly domain: string };
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  // No sampled requests: they would keep visitors' IP addresses and URLs in WAF's console.
  sampledRequestsEnabled: false,
});

/** Requests to the officials' console and routes; everything else is the citizens'. */
const officialPaths: wafv2.CfnWebACL.StatementProperty = {
  orStatement: {
    statements: officialPathPrefixes.map((prefix) => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: prefix,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    })),
  },
};

const tooManyRequests: wafv2.CfnWebACL.RuleActionProperty = { block: { customResponse: { responseCode: 429 } } };

const perIpLimit = (
  name: string,
  priority: number,
  limit: number,
  scope: wafv2.CfnWebACL.StatementProperty,
): wafv2.CfnWebACL.RuleProperty => ({
  name,
  priority,
  action: tooManyRequests,
  statement: {
    rateBasedStatement: { aggregateKeyType: 'IP', evaluationWindowSec: 300, limit, scopeDownStatement: scope },
  },
  visibilityConfig: visibility(name),
});

const managedGroup = (name: string, priority: number): wafv2.CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  visibilityConfig: visibility(name),
});

/**
 * What must live in us-east-1 for CloudFront: the WAF web ACL (an HTTP API cannot have one attached, so CloudFront,
 * which already fronts the API for the console, carries it) and the certificate of the stage's domain. The service
 * stack reads both across regions.
 *
 * Rules: a per-IP limit on the citizens' routes and a higher one on the officials' (an office shares one address),
 * AWS's lists of known-bad addresses and exploit inputs. Not AWS's common rule set: its cross-site-scripting and
 * size rules match free-text answers (a citizen may well write `<` or 10 KB) and would refuse real responses.
 */
export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;
  readonly certificate: acm.Certificate;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { stage } = props;
    this.webAcl = new wafv2.CfnWebACL(this, 'Firewall', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('medborgardialog'),
      rules: [
        managedGroup('AWSManagedRulesAmazonIpReputationList', 0),
        perIpLimit('CitizensPerIp', 1, stage.waf.publicRequestsPerIpPer5Min, {
          notStatement: { statement: officialPaths },
        }),
        perIpLimit('OfficialsPerIp', 2, stage.waf.officialRequestsPerIpPer5Min, officialPaths),
        managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });
    // Validated by DNS: the deploy waits until the record ACM names is published (docs/operations.md).
    this.certificate = new acm.Certificate(this, 'Certificate', {
      domainName: stage.domain,
      validation: acm.CertificateValidation.fromDns(),
    });
  }
}
