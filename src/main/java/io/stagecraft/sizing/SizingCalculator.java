package io.stagecraft.sizing;


import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a workload into a sizing plan: the stage, a type and count per tier, database and cache tiers, replicas,
 * shards and regions, and a monthly cost by line item. Pure Java: no Pulumi, no I/O; the catalog and coefficients
 * are passed in. The work is split along its seams: {@link StageChooser} picks the stage and regions,
 * {@link TypeChooser} the VM types, {@link DatabaseSizer} and {@link CacheSizer} the data services, and one
 * {@link StagePlanner} per stage family puts a stage together.
 */
public final class SizingCalculator {
    private final SizingContext context;
    private final StageChooser stages;
    private final Map<Stage, StagePlanner> planners = new EnumMap<>(Stage.class);

    public SizingCalculator(Catalog catalog, Coefficients coefficients, TierFamilies families) {
        this.context = SizingContext.of(catalog, coefficients, families);
        this.stages = new StageChooser(catalog, coefficients);
        StagePlanner single = new SingleServerPlanner(context);
        planners.put(Stage.SINGLE_VM, single);
        planners.put(Stage.VERTICAL, single);
        planners.put(Stage.HORIZONTAL, new HorizontalPlanner(context));
        planners.put(Stage.ENTERPRISE, new EnterprisePlanner(context));
    }

    /** The calculator with the shipped catalog and the default coefficients. */
    public static SizingCalculator defaults() {
        return new SizingCalculator(Catalog.loadDefault(), Coefficients.defaults(), TierFamilies.defaults());
    }

    public Catalog catalog() {
        return context.catalog();
    }

    public Coefficients coefficients() {
        return context.k();
    }

    public PriceBook prices() {
        return context.prices();
    }

    public SizingPlan plan(Workload w) {
        stages.checkRegions(w);
        checkPinnedTypesExist(w);
        Demand demand = Demand.derive(w, context.k());
        List<String> reasons = new ArrayList<>();
        reasons.add(w.load().explain(w.concurrentUsers(), w.profile()));
        Stage stage = stages.choose(w, reasons);
        List<String> regions = stages.regions(w, stage, reasons);
        List<String> notes = commonNotes(w);
        // a stage that cannot carry the load (no single VM fits; one primary or one cache is not enough) moves on to
        // the next, and the plan says why
        while (true) {
            Optional<SizingPlan> plan = planners.get(stage).plan(new StagePlanner.Request(w, stage, regions, reasons,
                    demand, notes));
            if (plan.isPresent()) {
                return plan.get();
            }
            if (stage.isSingleServer()) {
                reasons.add("so the stage is horizontal: the tiers split onto their own machines");
                stage = Stage.HORIZONTAL;
            } else if (stage == Stage.HORIZONTAL) {
                stage = Stage.ENTERPRISE;
                regions = stages.regions(w, stage, reasons);
            } else {
                throw new IllegalStateException("the enterprise planner always plans or refuses");
            }
        }
    }

    /** The names a pinned type setting may take for a tier on a cloud. */
    public String pinnableNames(Cloud cloud, Tier tier) {
        return switch (tier) {
            case DATABASE -> context.database().allowedNames(cloud);
            case CACHE -> String.join(", ", context.cache().pinnableNames(cloud));
            default -> context.types().allowedNames(cloud, tier);
        };
    }

    private void checkPinnedTypesExist(Workload w) {
        for (Map.Entry<Tier, String> e : w.typeOverrides().entrySet()) {
            Tier tier = e.getKey();
            String name = e.getValue();
            boolean known = switch (tier) {
                case DATABASE -> context.catalog().database(w.cloud(), name).isPresent();
                case CACHE -> context.cache().pinnableNames(w.cloud()).contains(name);
                default -> context.catalog().instanceType(w.cloud(), name)
                        .filter(t -> (tier == Tier.GPU) == (t.gpus() > 0)).isPresent();
            };
            if (!known) {
                throw new SizingException(WorkloadField.PINNED_TYPE, tier, name, "not a " + w.cloud() + " "
                        + tier.description() + " type in the catalog", pinnableNames(w.cloud(), tier));
            }
        }
    }

    private List<String> commonNotes(Workload w) {
        List<String> notes = new ArrayList<>();
        notes.add("On-demand list prices, 730 hours a month; committed-use or reserved pricing lowers compute"
                + " 30-40% (guide 2). Network egress, request charges and CDN traffic are not included.");
        notes.addAll(context.catalog().notes(w.cloud()));
        return notes;
    }
}
