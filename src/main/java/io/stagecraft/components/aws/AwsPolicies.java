package io.stagecraft.components.aws;

import java.util.List;
import java.util.stream.Collectors;

/** IAM policy documents used by the AWS building blocks. */
final class AwsPolicies {
    /** AWS-managed policy that lets SSM Session Manager reach an instance (no SSH needed). */
    static final String SSM_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

    private AwsPolicies() {
    }

    /**
     * What a pool instance may do beyond SSM and the CloudWatch agent: read the named secrets (and no others) and
     * read, write and delete objects under the media prefix of one bucket (not list it, not touch static files).
     */
    static String poolAccess(List<String> secretArns, String bucketArn, String mediaPrefix) {
        String secrets = secretArns.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(","));
        return """
                {"Version":"2012-10-17","Statement":[\
                {"Sid":"ReadOwnSecrets","Effect":"Allow","Action":["secretsmanager:GetSecretValue"],"Resource":[%s]},\
                {"Sid":"WriteMedia","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],\
                "Resource":["%s/%s*"]}]}""".formatted(secrets, bucketArn, mediaPrefix);
    }

    /**
     * A bucket policy letting one CloudFront distribution (through origin access control) read objects under the given
     * prefixes, and refusing any request that is not over TLS.
     */
    static String cloudFrontRead(String bucketArn, String distributionArn, List<String> prefixes) {
        String resources = prefixes.stream().map(p -> "\"" + bucketArn + "/" + p + "*\"").collect(Collectors.joining(","));
        return """
                {"Version":"2012-10-17","Statement":[\
                {"Sid":"CloudFrontReadsStaticAndMedia","Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},\
                "Action":"s3:GetObject","Resource":[%s],"Condition":{"StringEquals":{"AWS:SourceArn":"%s"}}},\
                {"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["%s","%s/*"],\
                "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""".formatted(resources, distributionArn,
                bucketArn, bucketArn);
    }

    /** A trust policy letting one AWS service assume the role. */
    static String assumeRole(String service) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%s"},"Action":"sts:AssumeRole"}]}"""
                .formatted(service);
    }
}
