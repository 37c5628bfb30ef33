package io.stagecraft.components.aws;

/** IAM policy documents used by the AWS building blocks. */
final class AwsPolicies {
    /** AWS-managed policy that lets SSM Session Manager reach an instance (no SSH needed). */
    static final String SSM_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

    private AwsPolicies() {
    }

    /** A trust policy letting one AWS service assume the role. */
    static String assumeRole(String service) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%s"},"Action":"sts:AssumeRole"}]}"""
                .formatted(service);
    }
}
