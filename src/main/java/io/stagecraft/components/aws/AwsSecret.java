package io.stagecraft.components.aws;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.Map;

/**
 * A Secrets Manager secret holding one value from a Pulumi secret, encrypted with the account's Secrets Manager key.
 * Who may read it is decided by the readers' IAM policies (each pool's role names the secrets it reads). A deleted
 * secret stays recoverable for a week.
 */
public final class AwsSecret extends ComponentResource {
    public static final int RECOVERY_DAYS = 7;

    private final Secret secret;

    public AwsSecret(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:Secret", name, opts);
        this.secret = new Secret(name + "-secret", SecretArgs.builder()
                .description(args.description())
                .recoveryWindowInDays(RECOVERY_DAYS)
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        new SecretVersion(name + "-version", SecretVersionArgs.builder()
                .secretId(secret.id())
                .secretString(args.value())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("arn", secret.arn()));
    }

    public Output<String> arn() {
        return secret.arn();
    }

    /** @param value a Pulumi secret */
    public record Args(String description, Output<String> value, Map<String, String> tags) {
        public Args {
            tags = Map.copyOf(tags);
        }
    }
}
