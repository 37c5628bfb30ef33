package io.stagecraft.sizing;

import java.util.List;
import java.util.Map;

/**
 * Everything the calculator needs to know about a team's demand and constraints. Built by the config layer,
 * which has already validated each value; the calculator checks only what depends on the catalog.
 *
 * @param regions       regions in order, primary first; one entry except at the enterprise stage
 * @param availability  target in percent, e.g. 99.9
 * @param stageOverride a stage to use instead of the one the load calls for, or null
 * @param typeOverrides types pinned per tier (catalog names), possibly empty
 * @param edge          what stands in front of the stage; its fees are part of the plan's cost
 */
public record Workload(
        LoadInput load,
        int concurrentUsers,
        Cloud cloud,
        List<String> regions,
        double availability,
        WorkloadProfile profile,
        Stage stageOverride,
        Map<Tier, String> typeOverrides,
        Edge edge) {

    /** The largest peak concurrent user count Stagecraft plans for. */
    public static final int MAX_CONCURRENT_USERS = 100_000_000;
    /** The availability target when none is given, in percent. */
    public static final double DEFAULT_AVAILABILITY = 99.5;
    /** Availability targets Stagecraft designs for, in percent (100% is not a design target). */
    public static final double MIN_AVAILABILITY = 90;
    public static final double MAX_AVAILABILITY = 99.999;

    public Workload {
        regions = List.copyOf(regions);
        typeOverrides = Map.copyOf(typeOverrides);
        java.util.Objects.requireNonNull(edge, "edge");
        if (concurrentUsers < 1 || concurrentUsers > MAX_CONCURRENT_USERS) {
            throw new IllegalArgumentException("concurrentUsers must be 1 to " + MAX_CONCURRENT_USERS);
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is needed");
        }
    }

    /** A workload with nothing in front of the stage. */
    public Workload(LoadInput load, int concurrentUsers, Cloud cloud, List<String> regions, double availability,
                    WorkloadProfile profile, Stage stageOverride, Map<Tier, String> typeOverrides) {
        this(load, concurrentUsers, cloud, regions, availability, profile, stageOverride, typeOverrides, Edge.NONE);
    }

    /** A workload with defaults: the given peak concurrent users, one region, 99.5%, default profile. */
    public static Workload of(int users, Cloud cloud, String region) {
        return new Workload(new LoadInput(LoadInput.Kind.USERS, users), users, cloud, List.of(region), DEFAULT_AVAILABILITY,
                WorkloadProfile.defaults(), null, Map.of());
    }

    public Workload withAvailability(double value) {
        return new Workload(load, concurrentUsers, cloud, regions, value, profile, stageOverride, typeOverrides, edge);
    }

    public Workload withProfile(WorkloadProfile value) {
        return new Workload(load, concurrentUsers, cloud, regions, availability, value, stageOverride, typeOverrides, edge);
    }

    public Workload withStage(Stage value) {
        return new Workload(load, concurrentUsers, cloud, regions, availability, profile, value, typeOverrides, edge);
    }

    public Workload withRegions(List<String> value) {
        return new Workload(load, concurrentUsers, cloud, value, availability, profile, stageOverride, typeOverrides, edge);
    }

    public Workload withOverrides(Map<Tier, String> value) {
        return new Workload(load, concurrentUsers, cloud, regions, availability, profile, stageOverride, value, edge);
    }

    public Workload withUsers(int users) {
        return new Workload(new LoadInput(LoadInput.Kind.USERS, users), users, cloud, regions, availability, profile,
                stageOverride, typeOverrides, edge);
    }

    public Workload withEdge(Edge value) {
        return new Workload(load, concurrentUsers, cloud, regions, availability, profile, stageOverride, typeOverrides,
                value);
    }

    public String primaryRegion() {
        return regions.get(0);
    }
}
