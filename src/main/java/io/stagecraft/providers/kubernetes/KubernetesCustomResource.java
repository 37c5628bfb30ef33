package io.stagecraft.providers.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.meta.v1.outputs.ObjectMeta;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An object of a kind a CRD defines (GKE's Gateway API and policy kinds), declared through the Kubernetes provider.
 * The provider takes any kind under the type token {@code kubernetes:<apiVersion>:<Kind>}, with {@code apiVersion},
 * {@code kind}, {@code metadata} and {@code spec} as inputs. The pinned Java SDK (com.pulumi:kubernetes 4.0.0) has no
 * generic class for this, so this one is written here on the SDK's public resource API; the version it registers with
 * is the SDK's own (its plugin.json), so the engine uses the same provider plugin as for the typed kinds.
 */
public final class KubernetesCustomResource extends CustomResource {
    private static final Pattern API_VERSION = Pattern.compile("^[a-z0-9.-]+/v[0-9]+(alpha[0-9]+|beta[0-9]+)?$");
    private static final Pattern KIND = Pattern.compile("^[A-Z][A-Za-z0-9]*$");

    @Export(name = "metadata", refs = {ObjectMeta.class}, tree = "[0]")
    private Output<ObjectMeta> metadata;

    /** @param options parent and provider (the cluster's); the SDK's version is added to them */
    public KubernetesCustomResource(String name, Args args, CustomResourceOptions options) {
        super(type(Objects.requireNonNull(args, "args")), name, args, CustomResourceOptions.merge(
                options == null ? CustomResourceOptions.Empty : options,
                CustomResourceOptions.builder().version(com.pulumi.kubernetes.Utilities.getVersion()).build()));
    }

    /** {@code kubernetes:gateway.networking.k8s.io/v1:Gateway} for a Gateway. */
    public static String type(Args args) {
        return "kubernetes:" + args.apiVersionText + ":" + args.kindText;
    }

    public Output<ObjectMeta> metadata() {
        return metadata;
    }

    /** The object: its group version, kind, metadata and spec (plain values, Outputs resolved beforehand). */
    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final Output<String> apiVersion;
        @Import(name = "kind", required = true)
        private final Output<String> kind;
        @Import(name = "metadata", required = true)
        private final Output<ObjectMetaArgs> metadata;
        @Import(name = "spec", required = true)
        private final Output<Map<String, Object>> spec;
        private final String apiVersionText;
        private final String kindText;

        public Args(String apiVersion, String kind, ObjectMetaArgs metadata, Output<Map<String, Object>> spec) {
            if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
                throw new IllegalArgumentException("apiVersion '" + apiVersion + "': group/version, e.g. networking.gke.io/v1");
            }
            if (kind == null || !KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("kind '" + kind + "': a capitalised name, e.g. Gateway");
            }
            this.apiVersionText = apiVersion;
            this.kindText = kind;
            this.apiVersion = Output.of(apiVersion);
            this.kind = Output.of(kind);
            this.metadata = Output.of(Objects.requireNonNull(metadata, "metadata"));
            this.spec = Objects.requireNonNull(spec, "spec");
        }
    }
}
