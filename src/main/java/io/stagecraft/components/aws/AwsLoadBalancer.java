package io.stagecraft.components.aws;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.lb.inputs.TargetGroupStickinessArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Application Load Balancer in the public subnets: an ACM certificate for the stack's domains (DNS validation;
 * the records to create are an output, Stagecraft creates no DNS), a listener on 80 that only redirects to HTTPS,
 * and an HTTPS listener (TLS 1.2+ policy) routing {@code /api/*} to the API target group, {@code /ws/*} to the
 * websocket target group (cookie stickiness, a long deregistration delay so open connections drain, and the ALB's
 * idle timeout at one hour so idle sockets stay open), {@code /static/*} and {@code /media/*} to the CloudFront
 * distribution by redirect, and everything else to the API. Its security group admits 80 and 443 from anywhere
 * and sends only to the serving port inside the VPC.
 *
 * <p>The HTTPS listener takes the certificate through a {@code CertificateValidation}, which waits until ACM has
 * issued it: a load balancer refuses a certificate that is still pending validation. On a first deployment (or a
 * changed domain list) {@code pulumi up} therefore waits at that step until the validation records exist in DNS
 * (ACM's limit is 75 minutes); the records are in the {@code certificateValidationRecords} output and in the ACM
 * console as soon as the certificate exists.
 *
 * <p>Static paths: an ALB cannot forward to CloudFront or S3, so {@code /static/*} and {@code /media/*} answer with a
 * 302 to the same path on the distribution's domain. Pages should link the distribution directly (the app gets its
 * address as {@code MEDIA_CDN_URL}); the redirect keeps old or hard-coded links working. 302 rather than 301, so
 * browsers never cache a redirect to a distribution that might be recreated.
 */
public final class AwsLoadBalancer extends ComponentResource {
    /** The ALB's idle timeout: idle websockets stay open an hour, as the GCP websocket backend's timeout. */
    public static final int IDLE_TIMEOUT_SEC = 3600;
    /** API targets finish in-flight requests within a minute when removed. */
    public static final int API_DEREGISTRATION_DELAY_SEC = 60;
    /** Websocket targets keep their open connections up to ten minutes while removed (scale-in, refresh). */
    public static final int WEBSOCKET_DEREGISTRATION_DELAY_SEC = 600;
    /** Websocket clients come back to the same instance for a day (lb_cookie stickiness). */
    public static final int STICKINESS_SEC = 86_400;
    /** TLS 1.3 and 1.2 only. */
    public static final String SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public static final List<String> CDN_PATHS = List.of("/static/*", "/media/*");

    private final LoadBalancer alb;
    private final SecurityGroup securityGroup;
    private final TargetGroup api;
    private final TargetGroup websocket;
    private final Certificate certificate;

    public AwsLoadBalancer(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:LoadBalancer", name, opts);
        this.securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Stagecraft load balancer: HTTP and HTTPS from anywhere")
                .ingress(ingress("HTTP (redirected to HTTPS)", 80), ingress("HTTPS", 443))
                .egress(SecurityGroupEgressArgs.builder()
                        .description("to the pools' serving port and health checks")
                        .protocol("tcp").fromPort(args.servingPort()).toPort(args.servingPort())
                        .cidrBlocks(args.vpcCidr()).build())
                .tags(AwsTags.named(args.tags(), name + "-sg"))
                .build(), ChildOptions.of(this));
        this.alb = new LoadBalancer(name + "-alb", LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .ipAddressType("ipv4")
                .subnets(Output.all(args.publicSubnetIds()))
                .securityGroups(securityGroup.id().applyValue(List::of))
                .idleTimeout(IDLE_TIMEOUT_SEC)
                .enableHttp2(true)
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(args.protect())
                .tags(AwsTags.named(args.tags(), name + "-alb"))
                .build(), ChildOptions.of(this));
        this.api = targetGroup(name + "-api", args, args.apiHealthPath(), API_DEREGISTRATION_DELAY_SEC, false);
        this.websocket = targetGroup(name + "-ws", args, args.websocketHealthPath(), WEBSOCKET_DEREGISTRATION_DELAY_SEC,
                true);
        List<String> domains = args.domains();
        this.certificate = new Certificate(name + "-cert", CertificateArgs.builder()
                .domainName(domains.get(0))
                .subjectAlternativeNames(domains.subList(1, domains.size()))
                .validationMethod("DNS")
                .keyAlgorithm("RSA_2048")
                .tags(AwsTags.named(args.tags(), name + "-cert"))
                .build(), ChildOptions.of(this));
        CertificateValidation issued = new CertificateValidation(name + "-cert-issued", CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .build(), ChildOptions.of(this));
        new Listener(name + "-http", ListenerArgs.builder()
                .loadBalancerArn(alb.arn())
                .port(80)
                .protocol("HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder()
                        .type("redirect")
                        .redirect(ListenerDefaultActionRedirectArgs.builder()
                                .protocol("HTTPS").port("443").statusCode("HTTP_301").build())
                        .build())
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        Listener https = new Listener(name + "-https", ListenerArgs.builder()
                .loadBalancerArn(alb.arn())
                .port(443)
                .protocol("HTTPS")
                .sslPolicy(SSL_POLICY)
                .certificateArn(issued.certificateArn())
                .defaultActions(ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(api.arn()).build())
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        rule(name + "-api-rule", https, 10, List.of("/api/*"), forward(api));
        rule(name + "-ws-rule", https, 20, List.of("/ws/*"), forward(websocket));
        rule(name + "-cdn-rule", https, 30, CDN_PATHS, ListenerRuleActionArgs.builder()
                .type("redirect")
                .redirect(ListenerRuleActionRedirectArgs.builder()
                        .host(args.cdnDomain())
                        .protocol("HTTPS")
                        .port("443")
                        .path("/#{path}")
                        .query("#{query}")
                        .statusCode("HTTP_302")
                        .build())
                .build());
        registerOutputs(Map.of("dnsName", alb.dnsName(), "certificateArn", certificate.arn()));
    }

    private static SecurityGroupIngressArgs ingress(String what, int port) {
        return SecurityGroupIngressArgs.builder().description(what).protocol("tcp").fromPort(port).toPort(port)
                .cidrBlocks("0.0.0.0/0").build();
    }

    private TargetGroup targetGroup(String name, Args args, String healthPath, int deregistrationDelaySec,
                                    boolean sticky) {
        TargetGroupArgs.Builder b = TargetGroupArgs.builder()
                .vpcId(args.vpcId())
                .targetType("instance")
                .protocol("HTTP")
                .port(args.servingPort())
                .deregistrationDelay(deregistrationDelaySec)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .path(healthPath)
                        .protocol("HTTP")
                        .port("traffic-port")
                        .matcher("200-399")
                        .interval(15)
                        .timeout(5)
                        .healthyThreshold(2)
                        .unhealthyThreshold(3)
                        .build())
                .tags(AwsTags.named(args.tags(), name));
        if (sticky) {
            b.stickiness(TargetGroupStickinessArgs.builder().enabled(true).type("lb_cookie")
                    .cookieDuration(STICKINESS_SEC).build());
        }
        return new TargetGroup(name, b.build(), ChildOptions.of(this));
    }

    private static ListenerRuleActionArgs forward(TargetGroup group) {
        return ListenerRuleActionArgs.builder().type("forward").targetGroupArn(group.arn()).build();
    }

    private void rule(String name, Listener listener, int priority, List<String> paths, ListenerRuleActionArgs action) {
        new ListenerRule(name, ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(priority)
                .conditions(ListenerRuleConditionArgs.builder()
                        .pathPattern(ListenerRuleConditionPathPatternArgs.builder().values(paths).build())
                        .build())
                .actions(action)
                .build(), ChildOptions.of(this));
    }

    public Output<String> arn() {
        return alb.arn();
    }

    public Output<String> dnsName() {
        return alb.dnsName();
    }

    /** "app/name/id": the LoadBalancer dimension of the ALB's CloudWatch metrics. */
    public Output<String> arnSuffix() {
        return alb.arnSuffix();
    }

    public Output<String> securityGroupId() {
        return securityGroup.id();
    }

    public Output<String> apiTargetGroupArn() {
        return api.arn();
    }

    public Output<String> websocketTargetGroupArn() {
        return websocket.arn();
    }

    /** "targetgroup/name/id": the TargetGroup dimension of the API's CloudWatch metrics. */
    public Output<String> apiTargetGroupArnSuffix() {
        return api.arnSuffix();
    }

    /** The ALBRequestCountPerTarget resource label of the API target group: "app/.../targetgroup/...". */
    public Output<String> apiRequestCountLabel() {
        return Output.tuple(alb.arnSuffix(), api.arnSuffix()).applyValue(t -> t.t1 + "/" + t.t2);
    }

    /** The DNS records that validate the certificate, one per domain: name, type, value. */
    public Output<List<Map<String, String>>> validationRecords() {
        return certificate.domainValidationOptions().applyValue(options -> options.stream().map(o -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("domain", o.domainName().orElse(""));
            m.put("name", o.resourceRecordName().orElse(""));
            m.put("type", o.resourceRecordType().orElse(""));
            m.put("value", o.resourceRecordValue().orElse(""));
            return m;
        }).toList());
    }

    /**
     * @param domains       the certificate's domains: the first is its subject, the rest alternative names
     * @param servingPort   the port the pools serve on (the target groups' port)
     * @param cdnDomain     the CloudFront distribution's domain the static paths redirect to
     * @param protect       ALB deletion protection (prod)
     */
    public record Args(Output<String> vpcId, String vpcCidr, List<Output<String>> publicSubnetIds, List<String> domains,
                       int servingPort, String apiHealthPath, String websocketHealthPath, Output<String> cdnDomain,
                       boolean protect, Map<String, String> tags) {
        /** ACM: a certificate holds at most ten names by default (a quota that can be raised). */
        public static final int MAX_DOMAINS = 10;

        public Args {
            publicSubnetIds = List.copyOf(publicSubnetIds);
            domains = List.copyOf(domains);
            tags = Map.copyOf(tags);
            if (domains.isEmpty() || domains.size() > MAX_DOMAINS) {
                throw new IllegalArgumentException("an ACM certificate takes 1 to " + MAX_DOMAINS + " domains, got "
                        + domains.size());
            }
            if (publicSubnetIds.size() < 2) {
                throw new IllegalArgumentException("an Application Load Balancer needs subnets in at least two zones");
            }
        }
    }
}
