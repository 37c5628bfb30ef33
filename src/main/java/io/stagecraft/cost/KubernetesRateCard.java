package io.stagecraft.cost;

import io.stagecraft.engine.ResourceNode;
import io.stagecraft.sizing.LineItem;
import java.util.List;
import java.util.Set;

/**
 * Kubernetes objects cost nothing by themselves: their pods run on the node pools the GCP card bills, and GKE's policy
 * kinds configure load balancers. The one object that makes a billed cloud resource, a GKE Gateway of the global
 * external class, is counted with the project's global forwarding rules by {@link GcpRateCard}.
 */
public final class KubernetesRateCard implements RateCard {
    @Override
    public Set<String> billedTypes() {
        return Set.of();
    }

    @Override
    public Set<String> freeTypes() {
        return Set.of("pulumi:providers:kubernetes", "kubernetes:core/v1:Namespace", "kubernetes:core/v1:ServiceAccount",
                "kubernetes:core/v1:ConfigMap", "kubernetes:core/v1:Service", "kubernetes:apps/v1:Deployment",
                "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "kubernetes:policy/v1:PodDisruptionBudget",
                "kubernetes:networking.k8s.io/v1:NetworkPolicy", GcpRateCard.GATEWAY,
                "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "kubernetes:networking.gke.io/v1:GCPBackendPolicy",
                "kubernetes:networking.gke.io/v1:HealthCheckPolicy");
    }

    @Override
    public List<LineItem> price(ResourceNode node, Context context) {
        return List.of();
    }
}
