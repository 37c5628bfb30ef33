package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.secretmanager.Secret;
import com.pulumi.gcp.secretmanager.SecretArgs;
import com.pulumi.gcp.secretmanager.SecretIamMember;
import com.pulumi.gcp.secretmanager.SecretIamMemberArgs;
import com.pulumi.gcp.secretmanager.SecretVersion;
import com.pulumi.gcp.secretmanager.SecretVersionArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationUserManagedArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationUserManagedReplicaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.List;
import java.util.Map;

/**
 * A Secret Manager secret holding one value (a Pulumi secret: never in plain text in the state or the graph),
 * replicated in the listed regions only (the stack's region, or each region that reads it, so a region outage leaves
 * the others able to read it), readable by the listed service accounts and nobody else.
 */
public final class GcpSecret extends ComponentResource {
    private final Secret secret;

    public GcpSecret(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:Secret", name, opts);
        this.secret = new Secret(name + "-secret", SecretArgs.builder()
                .secretId(args.secretId())
                .labels(args.labels())
                .replication(SecretReplicationArgs.builder()
                        .userManaged(SecretReplicationUserManagedArgs.builder()
                                .replicas(args.locations().stream().map(location -> SecretReplicationUserManagedReplicaArgs
                                        .builder().location(location).build()).toList())
                                .build())
                        .build())
                .build(), ChildOptions.of(this));
        new SecretVersion(name + "-version", SecretVersionArgs.builder()
                .secret(secret.id())
                .secretData(args.value().asSecret())
                .build(), ChildOptions.of(this));
        for (int i = 0; i < args.readers().size(); i++) {
            new SecretIamMember(name + "-reader-" + i, SecretIamMemberArgs.builder()
                    .secretId(secret.id())
                    .role("roles/secretmanager.secretAccessor")
                    .member(args.readers().get(i).applyValue(e -> "serviceAccount:" + e))
                    .build(), ChildOptions.of(this));
        }
        registerOutputs(Map.of("secretId", secret.secretId()));
    }

    /**
     * The id of a secret replicated in several regions: the regions are force-new (replication), so another set of
     * regions is another secret id, created before the old secret is deleted. {@code base-<digest of the regions>}.
     */
    public static String replicatedId(String base, List<String> locations) {
        return base + "-" + DomainDigest.of(locations);
    }

    /** The secret's short id, what {@code gcloud secrets versions access} takes. */
    public Output<String> secretId() {
        return secret.secretId();
    }

    /**
     * @param secretId unique in the project
     * @param value    the secret value, already an Output (it stays marked secret)
     * @param locations the regions it is replicated in (Secret Manager bills a version per location); changing them
     *                  replaces the secret
     * @param readers  service account emails allowed to read it
     */
    public record Args(String secretId, List<String> locations, Output<String> value, List<Output<String>> readers,
                       Map<String, String> labels) {
        public Args {
            locations = List.copyOf(locations);
            readers = List.copyOf(readers);
            labels = Map.copyOf(labels);
            if (locations.isEmpty() || locations.size() != new java.util.HashSet<>(locations).size()) {
                throw new IllegalArgumentException("secret " + secretId + ": one or more distinct locations");
            }
        }

        /** Replicated in one region. */
        public Args(String secretId, String region, Output<String> value, List<Output<String>> readers,
                    Map<String, String> labels) {
            this(secretId, List.of(region), value, readers, labels);
        }
    }
}
