package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.BUCKET;

import java.util.List;

/** Cloud Storage buckets: private by construction, recoverable. */
final class StorageRules {
    private StorageRules() {
    }

    static List<Rule> all() {
        return List.of(UNIFORM_ACCESS, PUBLIC_ACCESS_PREVENTION, VERSIONING);
    }

    static final Rule UNIFORM_ACCESS = Rule.define("gcp-bucket-uniform-access")
            .title("Buckets use uniform bucket-level access")
            .why("Without it every object carries its own ACL, and one upload with a public ACL is world-readable"
                    + " whatever the bucket's IAM says. Uniform access leaves IAM as the only gate. Mandatory: data"
                    + " exposure.")
            .fix("Set uniformBucketLevelAccess to true.")
            .mandatory().publicIds("CKV_GCP_29", "CIS GCP 5.2").appliesTo(BUCKET)
            .perResource((bucket, ctx) -> {
                Inputs.Lookup uniform = Inputs.at(bucket, "uniformBucketLevelAccess");
                return uniform.isTrue() || uniform.unknown() ? List.of()
                        : List.of("uniformBucketLevelAccess is " + (uniform.missing() ? "not set" : uniform.text())
                        + ": objects can carry their own (public) ACLs.");
            });

    static final Rule PUBLIC_ACCESS_PREVENTION = Rule.define("gcp-bucket-public-access-prevention")
            .title("Buckets enforce public access prevention")
            .why("\"enforced\" makes GCS refuse any allUsers or allAuthenticatedUsers grant, so no later change can make"
                    + " the data public; the default (\"inherited\") depends on an organization policy the stack does not"
                    + " control. Cloud CDN still serves the files through its private bucket access. Mandatory: data"
                    + " exposure.")
            .fix("Set publicAccessPrevention to \"enforced\".")
            .mandatory().publicIds("CKV_GCP_114").appliesTo(BUCKET)
            .perResource((bucket, ctx) -> {
                Inputs.Lookup pap = Inputs.at(bucket, "publicAccessPrevention");
                return pap.is("enforced") || pap.unknown() ? List.of()
                        : List.of("publicAccessPrevention is " + (pap.missing() ? "not set (inherited)" : "\"" + pap.text() + "\"")
                        + ": a public grant would be accepted.");
            });

    static final Rule VERSIONING = Rule.define("gcp-bucket-versioning")
            .title("Buckets keep old object versions")
            .why("With versioning an overwritten or deleted object (user media) stays recoverable until the lifecycle"
                    + " rule removes it. Advisory: a bucket holding only files rebuilt by every release may waive it.")
            .fix("Set versioning.enabled to true, with a lifecycle rule deleting noncurrent versions after some days.")
            .advisory().publicIds("CKV_GCP_78").appliesTo(BUCKET)
            .perResource((bucket, ctx) -> {
                Inputs.Lookup versioning = Inputs.at(bucket, "versioning.enabled");
                return versioning.isTrue() || versioning.unknown() || Inputs.at(bucket, "versioning").unknown() ? List.of()
                        : List.of("Versioning is off: an overwrite or delete loses the object for good.");
            });
}
