package io.stagecraft.policy;

import java.util.List;

/** The type tokens the rules read (pulumi-gcp 7.0.0, pulumi-aws 6.83.0, pulumi-cloudflare 6.17.0; checked against the jars' @ResourceType). */
final class ResourceTypes {
    private ResourceTypes() {
    }

    static final String SQL_INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";
    static final String SQL_DATABASE = "gcp:sql/database:Database";
    static final String SQL_USER = "gcp:sql/user:User";

    static final String BUCKET = "gcp:storage/bucket:Bucket";
    static final String BUCKET_IAM_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    static final String BUCKET_IAM_BINDING = "gcp:storage/bucketIAMBinding:BucketIAMBinding";
    static final String PROJECT_IAM_MEMBER = "gcp:projects/iAMMember:IAMMember";
    static final String PROJECT_IAM_BINDING = "gcp:projects/iAMBinding:IAMBinding";
    static final String SECRET_IAM_MEMBER = "gcp:secretmanager/secretIamMember:SecretIamMember";
    static final String SECRET_IAM_BINDING = "gcp:secretmanager/secretIamBinding:SecretIamBinding";
    static final String SECRET_VERSION = "gcp:secretmanager/secretVersion:SecretVersion";
    /** A grant on a service account itself (who may act as it: Workload Identity's binding). */
    static final String SERVICE_ACCOUNT_IAM_MEMBER = "gcp:serviceaccount/iAMMember:IAMMember";
    static final String TOPIC_IAM_MEMBER = "gcp:pubsub/topicIAMMember:TopicIAMMember";
    static final String TOPIC_IAM_BINDING = "gcp:pubsub/topicIAMBinding:TopicIAMBinding";
    static final String SUBSCRIPTION_IAM_MEMBER = "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember";
    static final String SUBSCRIPTION_IAM_BINDING = "gcp:pubsub/subscriptionIAMBinding:SubscriptionIAMBinding";
    /** Every GCP IAM grant type the rules read: members carry {@code member}, bindings {@code members}. */
    static final List<String> GCP_IAM_GRANTS = List.of(PROJECT_IAM_MEMBER, PROJECT_IAM_BINDING, BUCKET_IAM_MEMBER,
            BUCKET_IAM_BINDING, SECRET_IAM_MEMBER, SECRET_IAM_BINDING, SERVICE_ACCOUNT_IAM_MEMBER, TOPIC_IAM_MEMBER,
            TOPIC_IAM_BINDING, SUBSCRIPTION_IAM_MEMBER, SUBSCRIPTION_IAM_BINDING);

    static final String PUBSUB_TOPIC = "gcp:pubsub/topic:Topic";
    static final String PUBSUB_SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";

    static final String INSTANCE = "gcp:compute/instance:Instance";
    static final String INSTANCE_TEMPLATE = "gcp:compute/instanceTemplate:InstanceTemplate";
    static final String REGION_INSTANCE_TEMPLATE = "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate";
    static final List<String> TEMPLATES = List.of(INSTANCE_TEMPLATE, REGION_INSTANCE_TEMPLATE);
    /** Everything that describes a Compute Engine VM. */
    static final List<String> VMS = List.of(INSTANCE, INSTANCE_TEMPLATE, REGION_INSTANCE_TEMPLATE);
    static final String FIREWALL = "gcp:compute/firewall:Firewall";
    static final String SUBNETWORK = "gcp:compute/subnetwork:Subnetwork";
    static final String DISK = "gcp:compute/disk:Disk";
    static final String DISK_POLICY_ATTACHMENT = "gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment";

    static final String BACKEND_SERVICE = "gcp:compute/backendService:BackendService";
    static final String TARGET_HTTPS_PROXY = "gcp:compute/targetHttpsProxy:TargetHttpsProxy";
    static final String TARGET_HTTP_PROXY = "gcp:compute/targetHttpProxy:TargetHttpProxy";
    static final String URL_MAP = "gcp:compute/uRLMap:URLMap";
    static final String MANAGED_SSL_CERTIFICATE = "gcp:compute/managedSslCertificate:ManagedSslCertificate";
    static final String CERTIFICATE_MAP = "gcp:certificatemanager/certificateMap:CertificateMap";
    static final String CERTIFICATE_MAP_ENTRY = "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry";
    static final String CERTIFICATE_MANAGER_CERTIFICATE = "gcp:certificatemanager/certificate:Certificate";

    static final String REDIS = "gcp:redis/instance:Instance";

    static final String ALERT_POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";

    static final String GKE_CLUSTER = "gcp:container/cluster:Cluster";
    static final String GKE_NODE_POOL = "gcp:container/nodePool:NodePool";
    /** Kubernetes kinds that run pods from a template (pulumi-kubernetes 4.0.0 tokens). */
    static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    static final String STATEFUL_SET = "kubernetes:apps/v1:StatefulSet";
    static final String DAEMON_SET = "kubernetes:apps/v1:DaemonSet";
    static final List<String> POD_TEMPLATES = List.of(DEPLOYMENT, STATEFUL_SET, DAEMON_SET);

    static final String EC2_INSTANCE = "aws:ec2/instance:Instance";
    static final String EBS_VOLUME = "aws:ebs/volume:Volume";
    static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    static final String SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
    static final String SECURITY_GROUP_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String DLM_POLICY = "aws:dlm/lifecyclePolicy:LifecyclePolicy";
    static final String AWS_SUBNET = "aws:ec2/subnet:Subnet";

    static final String RDS_INSTANCE = "aws:rds/instance:Instance";
    static final String RDS_PARAMETER_GROUP = "aws:rds/parameterGroup:ParameterGroup";
    static final String REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
    static final String CACHE_PARAMETER_GROUP = "aws:elasticache/parameterGroup:ParameterGroup";
    static final String S3_BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String S3_PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    static final String S3_VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    static final String LISTENER = "aws:lb/listener:Listener";
    static final String WEB_ACL_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
    static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

    static final String ZONE_SETTING = "cloudflare:index/zoneSetting:ZoneSetting";
    static final String DNS_RECORD = "cloudflare:index/dnsRecord:DnsRecord";
}
