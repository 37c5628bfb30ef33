package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dedicated service account holding only the project roles it is given: VMs never run as the default
 * Compute Engine account, which has Editor on the whole project.
 */
public final class GcpServiceAccount extends ComponentResource {
    /** Enough for the OS agents to ship logs and metrics, nothing else. */
    public static final List<String> LOGGING_AND_MONITORING = List.of("roles/logging.logWriter", "roles/monitoring.metricWriter");

    private final Account account;

    public GcpServiceAccount(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:ServiceAccount", name, opts);
        this.account = new Account(name + "-sa", AccountArgs.builder()
                .accountId(args.accountId())
                .displayName(args.displayName())
                .build(), ChildOptions.of(this));
        for (String role : args.roles()) {
            String suffix = role.substring(role.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            new IAMMember(name + "-" + suffix, IAMMemberArgs.builder()
                    .project(args.project())
                    .role(role)
                    .member(account.email().applyValue(e -> "serviceAccount:" + e))
                    .build(), ChildOptions.of(this));
        }
        registerOutputs(Map.of("email", account.email()));
    }

    /** {@code projects/<project>/serviceAccounts/<email>}: what grants on the account itself name. */
    public Output<String> accountName() {
        return account.name();
    }

    public Output<String> email() {
        return account.email();
    }

    /** A valid account id from a stack and a purpose: lower case, 6-30 characters, starting with a letter. */
    public static String accountId(String stack, String purpose) {
        String id = ("sc-" + stack + "-" + purpose).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-+", "-");
        if (id.length() > 30) {
            id = id.substring(0, 30);
        }
        id = id.replaceAll("-$", "");
        while (id.length() < 6) {
            id = id + "x";
        }
        return id;
    }

    public record Args(String accountId, String displayName, String project, List<String> roles) {
        public Args {
            roles = List.copyOf(roles);
            if (!accountId.matches("^[a-z][a-z0-9-]{4,28}[a-z0-9]$")) {
                throw new IllegalArgumentException("service account id '" + accountId + "' must be 6-30 lower-case characters");
            }
        }
    }
}
