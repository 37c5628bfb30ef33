package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.GCP_IAM_GRANTS;

import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** GCP IAM grants (project, bucket, secret, Pub/Sub members and bindings): never public, never a basic role. */
final class IamRules {
    private IamRules() {
    }

    static final Set<String> PUBLIC_MEMBERS = Set.of("allUsers", "allAuthenticatedUsers");
    static final Set<String> BASIC_ROLES = Set.of("roles/owner", "roles/editor", "roles/viewer");

    static List<Rule> all() {
        return List.of(NO_PUBLIC_MEMBERS, NO_BASIC_ROLES);
    }

    /** The members a grant names: {@code member} on *IAMMember, {@code members} on *IAMBinding. */
    static List<String> members(ResourceNode grant) {
        List<String> out = new ArrayList<>(Inputs.texts(Inputs.at(grant, "member")));
        out.addAll(Inputs.texts(Inputs.at(grant, "members")));
        return out;
    }

    static final Rule NO_PUBLIC_MEMBERS = Rule.define("gcp-iam-no-public-members")
            .title("No IAM grant to allUsers or allAuthenticatedUsers")
            .why("allUsers is anyone on the internet and allAuthenticatedUsers anyone with a Google account: a grant"
                    + " to either publishes the bucket's objects or the secret's value, or lets anyone read the queue's"
                    + " tasks or push tasks of their own to the workers. Static files reach users through Cloud CDN"
                    + " without it. Mandatory: data exposure.")
            .fix("Grant the role to the specific service account that needs it (for Cloud CDN: the load balancer's"
                    + " service agent).")
            .mandatory().publicIds("CKV_GCP_28", "CKV_GCP_99", "CIS GCP 5.1").appliesTo(GCP_IAM_GRANTS)
            .perResource((grant, ctx) -> {
                List<String> open = members(grant).stream().filter(PUBLIC_MEMBERS::contains).toList();
                return open.isEmpty() ? List.of() : List.of("Grants " + Inputs.at(grant, "role").text() + " to "
                        + String.join(" and ", open) + ".");
            });

    static final Rule NO_BASIC_ROLES = Rule.define("gcp-iam-no-basic-roles")
            .title("No basic role (owner, editor, viewer) is granted")
            .why("Basic roles span every service in the project: editor can read every secret and delete every"
                    + " database. Stagecraft's service accounts get narrow predefined roles (log and metric writers,"
                    + " Cloud SQL client, secret accessor). Mandatory: one compromised VM would own the project.")
            .fix("Grant the predefined role that covers what the member does (e.g. roles/logging.logWriter).")
            .mandatory().publicIds("CKV_GCP_117", "CKV_GCP_115", "CKV_GCP_116").appliesTo(GCP_IAM_GRANTS)
            .perResource((grant, ctx) -> {
                String role = Inputs.at(grant, "role").text();
                return role != null && BASIC_ROLES.contains(role)
                        ? List.of("Grants the basic role " + role + " to " + String.join(", ", members(grant)) + ".")
                        : List.of();
            });
}
