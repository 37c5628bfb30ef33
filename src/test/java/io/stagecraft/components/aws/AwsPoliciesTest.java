package io.stagecraft.components.aws;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IAM documents, tags and user data the AWS building blocks hand to AWS, compared as written out here. */
class AwsPoliciesTest {

    @Test
    void aTrustPolicyLetsOneServiceAssumeTheRole() {
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}", AwsPolicies.assumeRole("ec2.amazonaws.com"));
    }

    @Test
    void aPoolReadsEachOfItsSecretsAndWritesOnlyUnderTheMediaPrefix() {
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":["
                        + "{\"Sid\":\"ReadOwnSecrets\",\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\"],"
                        + "\"Resource\":[\"arn:aws:secretsmanager:eu-west-1:1:secret:db\",\"arn:aws:secretsmanager:eu-west-1:1:secret:redis\"]},"
                        + "{\"Sid\":\"WriteMedia\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:DeleteObject\"],"
                        + "\"Resource\":[\"arn:aws:s3:::assets/media/*\"]}]}",
                AwsPolicies.poolAccess(List.of("arn:aws:secretsmanager:eu-west-1:1:secret:db",
                        "arn:aws:secretsmanager:eu-west-1:1:secret:redis"), "arn:aws:s3:::assets", "media/"));
    }

    @Test
    void cloudFrontReadsEachPrefixAndPlainHttpIsRefused() {
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":["
                        + "{\"Sid\":\"CloudFrontReadsStaticAndMedia\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudfront.amazonaws.com\"},"
                        + "\"Action\":\"s3:GetObject\",\"Resource\":[\"arn:aws:s3:::assets/static/*\",\"arn:aws:s3:::assets/media/*\"],"
                        + "\"Condition\":{\"StringEquals\":{\"AWS:SourceArn\":\"arn:aws:cloudfront::1:distribution/E1\"}}},"
                        + "{\"Sid\":\"TlsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                        + "\"Resource\":[\"arn:aws:s3:::assets\",\"arn:aws:s3:::assets/*\"],"
                        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}",
                AwsPolicies.cloudFrontRead("arn:aws:s3:::assets", "arn:aws:cloudfront::1:distribution/E1",
                        List.of("static/", "media/")));
    }

    @Test
    void namedTagsAreTheStackTagsPlusAName() {
        assertEquals(Map.of("managed-by", "stagecraft", "environment", "prod", "Name", "shop-api"),
                AwsTags.named(Map.of("managed-by", "stagecraft", "environment", "prod"), "shop-api"));
    }

    @Test
    void userDataOfExactlySixteenKibibytesIsTakenAndOneByteMoreIsRefused() {
        assertEquals(16384, AwsInstancePool.MAX_USER_DATA_BYTES);
        int wrapper = AwsUserData.wrap("", "eu-west-1").getBytes(StandardCharsets.UTF_8).length;
        String fits = "x".repeat(16384 - wrapper);
        String encoded = AwsInstancePool.userData(fits, "eu-west-1");
        byte[] decoded = Base64.getDecoder().decode(encoded);
        assertEquals(16384, decoded.length);
        assertEquals(AwsUserData.wrap(fits, "eu-west-1"), new String(decoded, StandardCharsets.UTF_8));
        assertEquals("pool user data is 16385 bytes; EC2 takes at most 16384", assertThrows(
                IllegalArgumentException.class, () -> AwsInstancePool.userData(fits + "x", "eu-west-1")).getMessage());
    }
}
