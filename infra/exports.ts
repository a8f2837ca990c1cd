import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { envNames } from '../shared/env-names';
import { EXPORT_KEPT_DAYS } from '../shared/export/ports';
import type { Need } from '../shared/routes';
import { acknowledge } from './nag';

/** Where the exporting function writes; the presigned links name keys under it. */
const KEYS = 'exports/*';

/**
 * The exports of every response, each streamed here for one download through a presigned link: private, encrypted,
 * TLS only, and gone after a day (the table keeps the responses; an export is only a copy), half-finished uploads too.
 */
export class Exports extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [
        {
          expiration: Duration.days(EXPORT_KEPT_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(EXPORT_KEPT_DAYS),
        },
      ],
      // Copies for a download, in any stage: nothing here should outlive the stack.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    acknowledge(
      this.bucket,
      'AwsSolutions-S1',
      'No access log: it would record each download of citizens’ answers by request, and the product’s audit log already records who exported what.',
    );
  }

  /** Lets a function whose manifest entry needs `exports` write them and sign their download (a GET of one object). */
  bind(fn: lambda.Function, needs: readonly Need[] = []): void {
    if (!needs.includes('exports')) return;
    // Put and abort for the (multipart) upload; get because a presigned GET works with the signer's rights. No list,
    // no delete, no tagging or retention (which grantPut would add): the lifecycle deletes.
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject'],
        resources: [this.bucket.arnForObjects(KEYS)],
      }),
    );
    fn.addEnvironment(envNames.exportBucket, this.bucket.bucketName);
    if (fn.role)
      acknowledge(
        fn.role,
        `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/${KEYS}]`,
        'Each export is a new object under exports/ (a random id): the prefix is the narrowest resource that names it.',
      );
  }
}
