package io.stagecraft.sizing;

import static io.stagecraft.sizing.Coefficient.MAX_HEADROOM;
import static io.stagecraft.sizing.Coefficient.NODE_OS_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.OFF_PEAK_SHARE;
import static io.stagecraft.sizing.Coefficient.RPS_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.TARGET_CPU;
import static io.stagecraft.sizing.Coefficient.TARGET_MEMORY;
import static io.stagecraft.sizing.Coefficient.WORKER_MEMORY_GB_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.WS_CONNECTIONS_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.WS_MB_PER_CONNECTION;

import io.stagecraft.sizing.TypeChooser.Candidate;
import io.stagecraft.sizing.TypeChooser.Choice;
import io.stagecraft.sizing.TypeChooser.Fit;
import io.stagecraft.sizing.TypeChooser.Fitter;
import io.stagecraft.sizing.TypeChooser.Redundancy;

/** Autoscaled pools of identical VMs (API, websocket, GPU workers, Kubernetes nodes): type, peak count, min and max. */
final class PoolSizer {
    private final Coefficients k;
    private final TypeChooser types;

    PoolSizer(Coefficients k, TypeChooser types) {
        this.k = k;
        this.types = types;
    }

    PoolPlan api(Workload w, String region, double rps, Redundancy redundancy) {
        Fitter fitter = t -> {
            double mem = k.get(NODE_OS_MEMORY_GB) + t.vcpu() * k.get(WORKER_MEMORY_GB_PER_VCPU);
            if (t.memoryGib() * k.get(TARGET_MEMORY) + 1e-9 < mem) {
                return Fit.reject("memory: " + Format.number(t.vcpu()) + " workers need " + Format.number(mem) + " GiB");
            }
            double per = t.effectiveVcpu() * k.get(RPS_PER_VCPU);
            return Fit.forDemand(rps, per, redundancy, k.get(TARGET_CPU));
        };
        return pool(w, Tier.API, region, rps, "req/s", fitter, redundancy, Format.number(Money.round2(rps)) + " req/s at peak");
    }

    PoolPlan websocket(Workload w, String region, double connections, Redundancy redundancy) {
        Fitter fitter = t -> {
            double byCpu = t.effectiveVcpu() * k.get(WS_CONNECTIONS_PER_VCPU);
            double byMem = (t.memoryGib() * k.get(TARGET_MEMORY) - k.get(NODE_OS_MEMORY_GB)) * 1024.0
                    / k.get(WS_MB_PER_CONNECTION);
            double per = Math.floor(Math.min(byCpu, byMem));
            if (per < 1) {
                return Fit.reject("memory: no room for connections");
            }
            return Fit.forDemand(connections, per, redundancy, k.get(TARGET_CPU));
        };
        return pool(w, Tier.WEBSOCKET, region, connections, "connections", fitter, redundancy,
                Format.number(Math.ceil(connections)) + " open connections at peak");
    }

    PoolPlan gpu(Workload w, String region, int gpus, Redundancy redundancy) {
        Fitter fitter = t -> t.gpus() < 1 ? Fit.reject("no GPU") : Fit.forDemand(gpus, t.gpus(), redundancy, k.get(TARGET_CPU));
        WorkloadProfile p = w.profile();
        return pool(w, Tier.GPU, region, gpus, "GPUs", fitter, redundancy, gpus + " T4 GPU(s): "
                + Format.number(p.aiRequestsPerUserPerMinute()) + " AI requests/min per user, "
                + Format.number(k.get(p.aiWorkload().capacity())) + " " + p.aiWorkload().id() + " requests/s per T4 at "
                + Format.percent(k.get(TARGET_CPU)));
    }

    PoolPlan pool(Workload w, Tier tier, String region, double demand, String unit, Fitter fitter, Redundancy redundancy,
                  String demandWhy) {
        Choice choice = types.choose(types.candidates(w, tier), fitter, region);
        String pinned = w.typeOverrides().get(tier);
        if (choice.best() == null) {
            throw new SizingException(WorkloadField.PINNED_TYPE, tier, pinned == null ? "(none)" : pinned,
                    "no " + tier.description() + " type carries " + demandWhy + " (" + choice.alternatives().get(0).verdict() + ")",
                    types.fitting(w, tier, fitter));
        }
        Candidate best = choice.best();
        int count = best.fit().count();
        int limit = tier == Tier.NODES ? Limits.MAX_NODES_PER_REGION : Limits.MAX_POOL_INSTANCES;
        if (count > limit) {
            throw new SizingException(WorkloadField.LOAD, Format.exact(w.load().value()), "needs " + Format.number(count)
                    + " " + tier.description() + " instances of " + best.type().name() + " at peak, more than the "
                    + limit + " Stagecraft plans per pool", "a lighter load, or a larger pinned type");
        }
        int needed = best.fit().needed();
        int min = Math.max(redundancy.min(), (int) Math.ceil(count * k.get(OFF_PEAK_SHARE) - 1e-9));
        int max = Math.max(min, (int) Math.ceil(count * k.get(MAX_HEADROOM) - 1e-9));
        String why = demandWhy + " / " + Format.number(best.fit().perUnit()) + " " + unit + " per " + best.type().name()
                + " at " + Format.percent(k.get(TARGET_CPU)) + " = " + needed + " instance" + (needed == 1 ? "" : "s")
                + (count > needed ? redundancyWhy(redundancy, count) : "")
                + "; autoscaling " + min + "-" + max + (pinned != null ? "; type pinned" : "");
        return new PoolPlan(tier, region, best.type(), count, min, max, demand, unit, best.fit().perUnit(),
                best.fit().utilization(), why, choice.alternatives());
    }

    private static String redundancyWhy(Redundancy r, int count) {
        return count > r.min() ? ", plus " + r.spare() + " so the pool carries the peak with an instance lost"
                : ", raised to the minimum of " + r.min() + " (no pool runs on a single instance here)";
    }
}
