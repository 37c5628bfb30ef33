package io.stagecraft.planning;

import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackFile;
import io.stagecraft.config.StackConfig;
import io.stagecraft.cost.GraphCost;
import io.stagecraft.cost.RateCard;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.policy.PolicyReport;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.CostBreakdown;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.stacks.StageProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline plan of a stack: the front door sizes it once, the real Pulumi program runs on that plan under the
 * offline engine, and the resulting graph is priced. Shared by the {@code plan}, {@code diff} and {@code policy}
 * commands and the tests.
 */
public final class OfflinePlanner {
    /** What an offline plan stands in for a GCP project that is not set yet. */
    public static final String PLACEHOLDER_PROJECT = "offline-project";

    private final StackPlanner front;

    public OfflinePlanner(StackPlanner front) {
        this.front = front;
    }

    public static OfflinePlanner defaults() {
        return new OfflinePlanner(StackPlanner.defaults());
    }

    public StackPlanner front() {
        return front;
    }

    /** A planned stack. {@code graphCost} is what the resources cost; {@code plan().cost()} what the sizing intended. */
    public record Result(PlannedStack stack, OfflineEngine.Run run, CostBreakdown graphCost, PolicyReport policy,
                         List<String> notices) {
        public StackConfig config() {
            return stack.config();
        }

        public SizingPlan plan() {
            return stack.plan();
        }
    }

    public Result plan(Path stackFile) {
        return plan(StackFile.load(stackFile), Map.of());
    }

    public Result plan(MapConfigSource source) {
        return plan(source, Map.of());
    }

    /**
     * @param previousOutputs the outputs of the stack's last deployment (what a real run reads from its own stack); empty
     *                        for a first deployment
     */
    public Result plan(MapConfigSource source, Map<String, Object> previousOutputs) {
        List<String> notices = new ArrayList<>();
        MapConfigSource effective = withPlaceholders(source);
        PlannedStack planned = front.size(effective);
        if (planned.plan().cloud() == Cloud.GCP && source.get("gcp:project").isEmpty()) {
            notices.add("gcp:project is not set: planned as '" + PLACEHOLDER_PROJECT + "'. Before pulumi up: pulumi config"
                    + " set gcp:project <id>");
        }
        if (planned.config().edgeOn() && source.get(StackConfig.CLOUDFLARE_API_TOKEN).isEmpty()) {
            notices.add(StackConfig.CLOUDFLARE_API_TOKEN + " is not set: planned with a placeholder. Before pulumi up: "
                    + "pulumi config set --secret " + StackConfig.CLOUDFLARE_API_TOKEN + " <token>");
        }
        if (!planned.plan().stage().isSingleServer() && source.get(Setting.DB_PASSWORD.key()).isEmpty()) {
            notices.add(Setting.DB_PASSWORD.key() + " is not set: planned with a placeholder. Before pulumi up: "
                    + "pulumi config set --secret " + Setting.DB_PASSWORD.key() + " <password>");
        }
        OfflineEngine.Run run = OfflineEngine.run(effective, previousOutputs, ctx -> StageProgram.run(ctx, planned));
        if (!run.ok()) {
            throw new io.stagecraft.config.InvalidInputException("stack", source.stackName().orElse("?"),
                    "the program stopped: " + String.join("; ", run.errors()), null);
        }
        CostBreakdown cost = GraphCost.defaults(front.calculator().prices()).estimate(run.graph(),
                planned.plan().primaryRegion(), new RateCard.Usage(planned.plan().storage().mediaGb()));
        PolicyReport policy = planned.policies().evaluate(run.graph(), planned.policyContext());
        return new Result(planned, run, cost, policy, notices);
    }

    /**
     * Values a real deployment needs but an offline plan can stand in for: a GCP project, a database password and, with
     * the edge, a Cloudflare API token that are not set yet (the notices say so; the secrets must be set as secrets
     * before {@code pulumi up}).
     */
    private static MapConfigSource withPlaceholders(MapConfigSource source) {
        Map<String, String> values = new LinkedHashMap<>(source.values());
        Set<String> secrets = new HashSet<>(source.secretKeys());
        if (source.get(Setting.DB_PASSWORD.key()).isEmpty()) {
            values.put(Setting.DB_PASSWORD.key(), StackFile.SECRET_PLACEHOLDER);
            secrets.add(Setting.DB_PASSWORD.key());
        }
        if ("cloudflare".equals(source.get(Setting.EDGE.key()).orElse("").trim())
                && source.get(StackConfig.CLOUDFLARE_API_TOKEN).isEmpty()) {
            values.put(StackConfig.CLOUDFLARE_API_TOKEN, StackFile.SECRET_PLACEHOLDER);
            secrets.add(StackConfig.CLOUDFLARE_API_TOKEN);
        }
        if ("gcp".equalsIgnoreCase(source.get(Setting.CLOUD.key()).orElse("").trim()) && source.get("gcp:project").isEmpty()) {
            values.put("gcp:project", PLACEHOLDER_PROJECT);
        }
        return new MapConfigSource(values, secrets, source.stackName().orElse("dev"));
    }
}
