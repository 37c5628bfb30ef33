package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.AWS_SUBNET;
import static io.stagecraft.policy.ResourceTypes.EBS_VOLUME;
import static io.stagecraft.policy.ResourceTypes.EC2_INSTANCE;
import static io.stagecraft.policy.ResourceTypes.SECURITY_GROUP;
import static io.stagecraft.policy.ResourceTypes.SECURITY_GROUP_INGRESS_RULE;
import static io.stagecraft.policy.ResourceTypes.SECURITY_GROUP_RULE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The AWS single VM: IMDSv2, encrypted disks, no administrative port open to the internet, clean user data. */
final class AwsRules {
    private AwsRules() {
    }

    /** EC2 user data limit: 16 KB raw, before base64 (docs.aws.amazon.com, "Run commands when you launch an EC2 instance"). */
    static final int MAX_USER_DATA_BYTES = 16 * 1024;

    static List<Rule> all() {
        return List.of(IMDSV2, ROOT_VOLUME_ENCRYPTED, EBS_ENCRYPTED, SECURITY_GROUP_ADMIN_PORTS, USER_DATA_NO_SECRETS,
                USER_DATA_SIZE, SUBNET_NO_PUBLIC_IP);
    }

    static final Rule IMDSV2 = Rule.define("aws-ec2-imdsv2")
            .title("EC2 instances require IMDSv2 session tokens")
            .why("IMDSv1 answers any plain GET, so one server-side request forgery in the app hands out the instance"
                    + " role's credentials; IMDSv2's PUT-issued token blocks that. The provider default is optional"
                    + " (v1 allowed). Mandatory: credential theft.")
            .fix("Set metadataOptions.httpTokens to \"required\" (or disable the endpoint).")
            .mandatory().publicIds("CKV_AWS_79").appliesTo(EC2_INSTANCE)
            .perResource((vm, ctx) -> {
                Inputs.Lookup tokens = Inputs.at(vm, "metadataOptions.httpTokens");
                if (tokens.is("required") || tokens.unknown() || Inputs.at(vm, "metadataOptions.httpEndpoint").is("disabled")
                        || Inputs.at(vm, "metadataOptions").unknown()) {
                    return List.of();
                }
                return List.of("metadataOptions.httpTokens is " + (tokens.missing() ? "not set (optional)" : tokens.text())
                        + ": IMDSv1 is enabled.");
            });

    static final Rule ROOT_VOLUME_ENCRYPTED = Rule.define("aws-ec2-root-volume-encrypted")
            .title("EC2 root and block-device volumes are encrypted")
            .why("An unencrypted volume's snapshots can be shared or copied in the clear, and the setting cannot be"
                    + " changed later without replacing the instance. Not encrypted unless set (or the account encrypts"
                    + " by default, which the stack cannot see). Mandatory: data exposure.")
            .fix("Set rootBlockDevice.encrypted (and every ebsBlockDevices entry's encrypted) to true.")
            .mandatory().publicIds("CKV_AWS_8").appliesTo(EC2_INSTANCE)
            .perResource((vm, ctx) -> {
                List<String> problems = new ArrayList<>();
                Inputs.Lookup root = Inputs.at(vm, "rootBlockDevice.encrypted");
                if (!root.isTrue() && !root.unknown() && !Inputs.at(vm, "rootBlockDevice").unknown()) {
                    problems.add("rootBlockDevice.encrypted is " + (root.missing() ? "not set" : root.text()) + ".");
                }
                for (Object device : Inputs.at(vm, "ebsBlockDevices").items()) {
                    Inputs.Lookup encrypted = Inputs.at(device, "encrypted");
                    if (!encrypted.isTrue() && !encrypted.unknown()) {
                        problems.add("Block device " + Inputs.at(device, "deviceName").text() + " is not encrypted.");
                    }
                }
                return problems;
            });

    static final Rule EBS_ENCRYPTED = Rule.define("aws-ebs-encrypted")
            .title("EBS volumes are encrypted")
            .why("The data volume holds the database and uploads; encryption at rest covers its snapshots too and"
                    + " can only be chosen at creation (changing it replaces the volume). Mandatory: data exposure.")
            .fix("Set encrypted to true on the volume.")
            .mandatory().publicIds("CKV_AWS_3").appliesTo(EBS_VOLUME)
            .perResource((volume, ctx) -> {
                Inputs.Lookup encrypted = Inputs.at(volume, "encrypted");
                return encrypted.isTrue() || encrypted.unknown() ? List.of()
                        : List.of("encrypted is " + (encrypted.missing() ? "not set" : encrypted.text()) + ".");
            });

    static final Rule SECURITY_GROUP_ADMIN_PORTS = Rule.define("aws-sg-admin-ports-not-open")
            .title("No security group admits SSH or RDP (or all traffic) from a large share of the internet")
            .why("Same exposure as on GCP. All the group's ingress permissions that reach the port are judged together"
                    + " (Ipv4Ranges): 0.0.0.0/1 plus 128.0.0.0/1, in one permission or two, is the whole internet; protocol"
                    + " -1 opens every port. Shell access goes through SSM Session Manager instead. Mandatory: exposure.")
            .fix("Remove the SSH/RDP ingress (use SSM Session Manager) or limit it to named office or VPN ranges.")
            .mandatory().publicIds("CKV_AWS_24", "CKV_AWS_25").appliesTo(SECURITY_GROUP, SECURITY_GROUP_RULE,
                    SECURITY_GROUP_INGRESS_RULE)
            .perResource((group, ctx) -> {
                List<String> problems = new ArrayList<>();
                for (int port : AdminPorts.PORTS.keySet()) {
                    List<String> sources = AdminPorts.awsSources(group, port);
                    if (AdminPorts.wide(sources)) {
                        problems.add("Admits " + AdminPorts.describe(port, sources) + ".");
                    }
                }
                return problems;
            });

    static final Rule USER_DATA_NO_SECRETS = Rule.define("aws-ec2-user-data-no-secrets")
            .title("No secret in plain text in EC2 user data")
            .why("User data is readable by every process through the instance metadata service and by anyone with"
                    + " ec2:DescribeInstanceAttribute; a Pulumi secret written into it ([secret] in the graph) loses its"
                    + " protection. Mandatory: credential exposure.")
            .fix("Generate secrets on the instance, or read them at boot from Secrets Manager or SSM Parameter Store.")
            .mandatory().publicIds("CKV_AWS_46").appliesTo(EC2_INSTANCE)
            .perResource((vm, ctx) -> PlaintextSecrets.findIn("userData", Inputs.at(vm, "userData").value()));

    static final Rule USER_DATA_SIZE = Rule.define("aws-ec2-user-data-size")
            .title("EC2 user data stays within 16 KB")
            .why("EC2 rejects user data over 16 KB (before base64), so a grown boot script would fail the deployment."
                    + " Mandatory: the deployment breaks.")
            .fix("Keep the boot script small: download larger files at boot instead of inlining them.")
            .mandatory().appliesTo(EC2_INSTANCE)
            .perResource((vm, ctx) -> {
                String userData = Inputs.at(vm, "userData").text();
                if (userData == null || Inputs.isUnknown(userData) || userData.equals(io.stagecraft.engine.ResourceNode.SECRET)) {
                    return List.of();
                }
                int bytes = userData.getBytes(StandardCharsets.UTF_8).length;
                return bytes > MAX_USER_DATA_BYTES
                        ? List.of("userData is " + bytes + " bytes (limit " + MAX_USER_DATA_BYTES + ").") : List.of();
            });

    static final Rule SUBNET_NO_PUBLIC_IP = Rule.define("aws-subnet-no-public-ip-on-launch")
            .title("Subnets do not give instances a public IP by default")
            .why("With mapPublicIpOnLaunch every instance started in the subnet is on the internet, including ones"
                    + " nobody meant to expose; Stagecraft gives the one host that needs it an Elastic IP. Advisory: a"
                    + " public subnet for a fleet of web hosts may choose otherwise.")
            .fix("Set mapPublicIpOnLaunch to false and attach an Elastic IP where a public address is needed.")
            .advisory().publicIds("CKV_AWS_130").appliesTo(AWS_SUBNET)
            .perResource((subnet, ctx) -> Inputs.at(subnet, "mapPublicIpOnLaunch").isTrue()
                    ? List.of("mapPublicIpOnLaunch is true.") : List.of());
}
