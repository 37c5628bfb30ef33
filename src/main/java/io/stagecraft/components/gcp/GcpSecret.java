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
 * replicated in the stack's region only, readable by the listed service accounts and nobody else.
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
                                .replicas(SecretReplicationUserManagedReplicaArgs.builder().location(args.region()).build())
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

    /** The secret's short id, what {@code gcloud secrets versions access} takes. */
    public Output<String> secretId() {
        return secret.secretId();
    }

    /**
     * @param secretId unique in the project
     * @param value    the secret value, already an Output (it stays marked secret)
     * @param readers  service account emails allowed to read it
     */
    public record Args(String secretId, String region, Output<String> value, List<Output<String>> readers,
                       Map<String, String> labels) {
        public Args {
            readers = List.copyOf(readers);
            labels = Map.copyOf(labels);
        }
    }
}
