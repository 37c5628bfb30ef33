package io.stagecraft.sizing;

import java.util.List;
import java.util.Optional;

/**
 * Sizes one stage: its tiers, data services and fixed services, and prices them. One implementation per stage
 * family (single server, horizontal, enterprise); the calculator picks it by the stage chosen.
 */
interface StagePlanner {

    /** What every stage planner starts from: the workload, its stage, regions and demand, and the reasons so far. */
    record Request(Workload workload, Stage stage, List<String> regions, List<String> reasons, Demand demand,
                   List<String> notes) {
        String primaryRegion() {
            return regions.get(0);
        }
    }

    /** The plan, or empty when the stage cannot carry the load (the calculator then moves on to the next stage). */
    Optional<SizingPlan> plan(Request request);
}
