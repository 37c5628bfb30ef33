package io.stagecraft.sizing;

import static io.stagecraft.sizing.Coefficient.HA_AVAILABILITY;
import static io.stagecraft.sizing.Coefficient.HORIZONTAL_MAX_USERS;
import static io.stagecraft.sizing.Coefficient.MULTI_REGION_AVAILABILITY;
import static io.stagecraft.sizing.Coefficient.SINGLE_VM_MAX_USERS;
import static io.stagecraft.sizing.Coefficient.VERTICAL_MAX_USERS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stage a workload calls for: by load (the scaling guides' user ranges), raised by the availability target
 * (no single instance at the HA target; more than one region at the multi-region target), or as pinned; and the
 * regions it runs in.
 */
final class StageChooser {
    private final Catalog catalog;
    private final Coefficients k;

    StageChooser(Catalog catalog, Coefficients k) {
        this.catalog = catalog;
        this.k = k;
    }

    /** Regions must be priced in the catalog and listed once. */
    void checkRegions(Workload w) {
        Set<String> known = catalog.regions(w.cloud());
        Set<String> seen = new TreeSet<>();
        for (String r : w.regions()) {
            if (!known.contains(r)) {
                throw new SizingException(WorkloadField.REGIONS, r, "not a " + w.cloud() + " region Stagecraft has prices for",
                        String.join(", ", known));
            }
            if (!seen.add(r)) {
                throw new SizingException(WorkloadField.REGIONS, String.join(",", w.regions()), "lists " + r + " twice",
                        "distinct regions of " + String.join(", ", known));
            }
        }
    }

    Stage choose(Workload w, List<String> reasons) {
        int users = w.concurrentUsers();
        Stage byLoad;
        if (users <= k.get(SINGLE_VM_MAX_USERS)) {
            byLoad = Stage.SINGLE_VM;
            reasons.add(Format.number(users) + " users <= " + Format.number(k.get(SINGLE_VM_MAX_USERS))
                    + ": one small VM (single-vm stage)");
        } else if (users <= k.get(VERTICAL_MAX_USERS)) {
            byLoad = Stage.VERTICAL;
            reasons.add(Format.number(users) + " users in " + Format.number(k.get(SINGLE_VM_MAX_USERS) + 1) + "-"
                    + Format.number(k.get(VERTICAL_MAX_USERS)) + ": one bigger VM (vertical stage)");
        } else if (users <= k.get(HORIZONTAL_MAX_USERS)) {
            byLoad = Stage.HORIZONTAL;
            reasons.add(Format.number(users) + " users in " + Format.number(k.get(VERTICAL_MAX_USERS) + 1) + "-"
                    + Format.number(k.get(HORIZONTAL_MAX_USERS)) + ": load-balanced pools (horizontal stage)");
        } else {
            byLoad = Stage.ENTERPRISE;
            reasons.add(Format.number(users) + " users > " + Format.number(k.get(HORIZONTAL_MAX_USERS))
                    + ": Kubernetes in several regions, sharded data (enterprise stage)");
        }
        Stage floor = Stage.SINGLE_VM;
        String floorWhy = null;
        if (w.availability() >= k.get(MULTI_REGION_AVAILABILITY)) {
            floor = Stage.ENTERPRISE;
            floorWhy = "availability " + Format.exact(w.availability()) + "% >= "
                    + Format.exact(k.get(MULTI_REGION_AVAILABILITY)) + "% needs more than one region";
        } else if (w.availability() >= k.get(HA_AVAILABILITY)) {
            floor = Stage.HORIZONTAL;
            floorWhy = "availability " + Format.exact(w.availability()) + "% >= "
                    + Format.exact(k.get(HA_AVAILABILITY)) + "% allows no single instance in any tier";
        }
        if (w.regions().size() > 1 && floor.compareTo(Stage.ENTERPRISE) < 0) {
            Stage target = w.stageOverride() != null ? w.stageOverride() : byLoad;
            if (target != Stage.ENTERPRISE) {
                throw new SizingException(WorkloadField.REGIONS, String.join(",", w.regions()),
                        "several regions are only planned in the enterprise stage, and this load and target call for "
                                + target.id(), "one region, or the enterprise stage");
            }
        }
        if (w.stageOverride() != null) {
            Stage o = w.stageOverride();
            if (o.compareTo(floor) < 0) {
                throw new SizingException(WorkloadField.STAGE, o.id(), "conflicts with the availability target: " + floorWhy,
                        stagesFrom(floor) + " (or lower the availability target)");
            }
            reasons.add("stage set: " + o.id()
                    + (o == byLoad ? " (the same as the load calls for)" : " (the load alone calls for " + byLoad.id() + ")"));
            return o;
        }
        if (byLoad.compareTo(floor) < 0) {
            reasons.add(floorWhy + ": stage raised to " + floor.id());
            return floor;
        }
        return byLoad;
    }

    private static String stagesFrom(Stage floor) {
        List<String> ids = new ArrayList<>();
        for (Stage s : Stage.values()) {
            if (s.compareTo(floor) >= 0) {
                ids.add(s.id());
            }
        }
        return String.join(" | ", ids);
    }

    /**
     * The regions a stage runs in: as given; for enterprise on one given region, availability decides: below the
     * multi-region target one region (a regional cluster across its zones), at it the region plus the catalog's next.
     */
    List<String> regions(Workload w, Stage stage, List<String> reasons) {
        if (stage != Stage.ENTERPRISE || w.regions().size() > 1) {
            return w.regions();
        }
        if (w.availability() < k.get(MULTI_REGION_AVAILABILITY)) {
            reasons.add("availability " + Format.exact(w.availability()) + "% < " + Format.exact(k.get(MULTI_REGION_AVAILABILITY))
                    + "%: one region, its cluster and database spread over the region's zones (list regions to run in more)");
            return w.regions();
        }
        String primary = w.primaryRegion();
        String partner = catalog.regions(w.cloud()).stream().filter(r -> !r.equals(primary)).findFirst()
                .orElseThrow(() -> new CatalogException("catalog: " + w.cloud() + " has one region only; enterprise needs two"));
        reasons.add("availability " + Format.exact(w.availability()) + "% needs a second region: " + primary
                + " (primary) and " + partner + " (set the regions to choose)");
        return List.of(primary, partner);
    }
}
