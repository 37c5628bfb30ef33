package io.stagecraft.engine;

import io.stagecraft.App;
import io.stagecraft.config.ConfigKey;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.StackConfig;
import io.stagecraft.config.StackFile;
import io.stagecraft.sizing.CostBreakdown;
import io.stagecraft.sizing.InvalidInputException;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.SizingPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline plan of a stack: validate its settings, size it, run the real Pulumi program under the offline
 * engine, and price the resulting graph. Shared by the {@code plan} command, the diff and the tests.
 */
public final class Planner {
    private final SizingCalculator calculator;

    public Planner(SizingCalculator calculator) {
        this.calculator = calculator;
    }

    public static Planner defaults() {
        return new Planner(SizingCalculator.defaults());
    }

    /** A planned stack. {@code graphCost} is what the resources cost; {@code plan.cost()} what the sizing intended. */
    public record Result(StackConfig config, SizingPlan plan, OfflineEngine.Run run, CostBreakdown graphCost,
                         List<String> notices) {
    }

    public Result plan(MapConfigSource source) {
        StackConfig config = StackConfig.parse(source, calculator.catalog(), calculator.coefficients());
        SizingPlan plan = calculator.plan(config.workload());
        List<String> notices = new ArrayList<>();
        MapConfigSource effective = withPlaceholders(source, plan, notices);
        OfflineEngine.Run run = OfflineEngine.run(effective, App::program);
        if (!run.ok()) {
            throw new InvalidInputException("stack", source.stackName().orElse("?"),
                    "the program stopped: " + String.join("; ", run.errors()), null);
        }
        String region = plan.primaryRegion();
        CostBreakdown cost = new GraphCost(calculator.prices()).estimate(run.graph(), region,
                new GraphCost.Usage(plan.storage().mediaGb()));
        return new Result(config, plan, run, cost, notices);
    }

    public Result plan(java.nio.file.Path stackFile) {
        return plan(StackFile.load(stackFile));
    }

    /**
     * Values the real deployment needs but an offline plan can stand in for: a database password that is not set
     * yet (it must be set as a secret before {@code pulumi up}; the plan says so), and a GCP project.
     */
    private static MapConfigSource withPlaceholders(MapConfigSource source, SizingPlan plan, List<String> notices) {
        Map<String, String> values = new LinkedHashMap<>(source.values());
        Set<String> secrets = new HashSet<>(source.secretKeys());
        if (!plan.stage().isSingleServer() && source.get(ConfigKey.DB_PASSWORD.key()).isEmpty()) {
            values.put(ConfigKey.DB_PASSWORD.key(), StackFile.SECRET_PLACEHOLDER);
            secrets.add(ConfigKey.DB_PASSWORD.key());
            notices.add(ConfigKey.DB_PASSWORD.key() + " is not set: planned with a placeholder. Before pulumi up: "
                    + "pulumi config set --secret " + ConfigKey.DB_PASSWORD.key() + " <password>");
        }
        if (plan.cloud() == io.stagecraft.sizing.Cloud.GCP && source.get("gcp:project").isEmpty()) {
            values.put("gcp:project", "offline-project");
            notices.add("gcp:project is not set: planned as 'offline-project'. Before pulumi up: pulumi config set gcp:project <id>");
        }
        return new MapConfigSource(values, secrets, source.stackName().orElse("dev"));
    }
}
