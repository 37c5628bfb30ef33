package io.stagecraft.sizing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Chooses a VM type for a tier: among the catalog entries the tier's families allow (or the one type the workload
 * pins), keep those a fitter accepts and take the cheapest monthly cost. Ties go to fewer instances, then fewer
 * vCPUs, then the name in alphabetical order, so the same input always gives the same plan. Every type weighed is
 * kept as an alternative with its verdict.
 */
final class TypeChooser {
    private final Catalog catalog;
    private final TierFamilies families;
    /** The unpinned candidates per cloud and tier: the catalog and the families never change, and plans ask often. */
    private final Map<Cloud, Map<Tier, List<InstanceType>>> familyTypes = new java.util.concurrent.ConcurrentHashMap<>();

    TypeChooser(Catalog catalog, TierFamilies families) {
        this.catalog = catalog;
        this.families = families;
    }

    /** How one type meets a tier's demand: instances needed, what one carries, utilisation; or why not. */
    /** @param needed instances the load needs before redundancy; {@code count} includes it */
    record Fit(int needed, int count, double perUnit, double utilization, String rejected) {
        static Fit reject(String why) {
            return new Fit(0, 0, 0, 0, why);
        }

        static Fit forDemand(double demand, double perUnit, Redundancy redundancy, double target) {
            int needed = (int) Math.ceil(demand / perUnit - 1e-9);
            int count = redundancy.count(needed);
            return new Fit(needed, count, perUnit, demand / (count * perUnit) * target, null);
        }
    }

    /**
     * How many instances a tier keeps beyond what the load needs: at least {@code min} (a pool behind a load balancer
     * never runs alone), plus {@code spare} so the pool still carries the peak after losing an instance (N+1, at the
     * HA target). A zone outage is then covered by the regional group re-creating instances in the surviving zones,
     * within the minutes the availability target allows; carrying a whole zone's share idle would cost half as much
     * again.
     */
    record Redundancy(int min, int spare) {
        static Redundancy none() {
            return new Redundancy(1, 0);
        }

        int count(int needed) {
            return Math.max(min, needed + spare);
        }
    }

    @FunctionalInterface
    interface Fitter {
        Fit fit(InstanceType type);
    }

    record Candidate(InstanceType type, Fit fit, double monthly) {
    }

    /** The cheapest valid candidate (null when none fits) and every type weighed. */
    record Choice(Candidate best, List<Alternative> alternatives) {
    }

    /** The types a tier may use: the pinned one, or every type of the tier's families (GPU tiers: GPU types only). */
    List<InstanceType> candidates(Workload w, Tier tier) {
        String pinned = w.typeOverrides().get(tier);
        if (pinned != null) {
            return catalog.compute(w.cloud()).stream().filter(t -> t.name().equals(pinned)).toList();
        }
        return familyTypes.computeIfAbsent(w.cloud(), c -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(tier, t -> catalog.compute(w.cloud()).stream()
                        .filter(type -> families.allows(w.cloud(), t, type.name()) && (t == Tier.GPU) == (type.gpus() > 0))
                        .toList());
    }

    Choice choose(List<InstanceType> candidates, Fitter fitter, String region) {
        List<Candidate> valid = new ArrayList<>();
        List<Alternative> rejected = new ArrayList<>();
        for (InstanceType t : candidates) {
            Fit fit = fitter.fit(t);
            if (fit.rejected() != null) {
                rejected.add(new Alternative(t.name(), t.shape(), 0, 0, fit.rejected()));
            } else {
                valid.add(new Candidate(t, fit, fit.count() * t.monthlyPrice(region)));
            }
        }
        valid.sort(Comparator.comparingDouble((Candidate c) -> Money.round2(c.monthly()))
                .thenComparingInt(c -> c.fit().count())
                .thenComparingDouble(c -> c.type().vcpu())
                .thenComparing(c -> c.type().name()));
        List<Alternative> alternatives = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            Candidate c = valid.get(i);
            alternatives.add(new Alternative(c.type().name(), c.type().shape(), c.fit().count(), c.monthly(),
                    i == 0 ? "chosen" : "valid"));
        }
        alternatives.addAll(rejected);
        return new Choice(valid.isEmpty() ? null : valid.get(0), alternatives);
    }

    /** The names of the tier's types that would carry the load, for an error message about a pinned type. */
    String fitting(Workload w, Tier tier, Fitter fitter) {
        Workload free = w.withOverrides(Map.of());
        List<String> names = candidates(free, tier).stream()
                .filter(t -> fitter.fit(t).rejected() == null).map(InstanceType::name).toList();
        return names.isEmpty() ? "no catalog type fits; use a later stage" : String.join(", ", names);
    }

    /** Every type a pinned setting could name for a tier. */
    String allowedNames(Cloud cloud, Tier tier) {
        return String.join(", ", catalog.compute(cloud).stream()
                .filter(t -> (tier == Tier.GPU) == (t.gpus() > 0)).map(InstanceType::name).toList());
    }

    /** Marks the alternative the sizer chose and lists valid ones, cheapest first, before rejected ones. */
    static List<Alternative> markChosen(List<Alternative> list, Predicate<Alternative> isChosen) {
        List<Alternative> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((Alternative a) -> !a.valid()).thenComparingDouble(Alternative::monthlyUsd));
        List<Alternative> out = new ArrayList<>();
        for (Alternative a : sorted) {
            out.add(a.valid() && isChosen.test(a)
                    ? new Alternative(a.name(), a.shape(), a.count(), a.monthlyUsd(), "chosen") : a);
        }
        out.sort(Comparator.comparing((Alternative a) -> !a.verdict().equals("chosen")));
        return out;
    }
}
