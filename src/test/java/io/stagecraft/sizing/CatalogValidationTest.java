package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Loading a catalog checks every rule of catalog.yaml's header; each broken rule is refused with a message that names
 * the entry and the field. One small valid catalog, and one edit per rule.
 */
class CatalogValidationTest {
    /** A complete catalog for one cloud in two regions; every line is one entry the cases below edit. */
    private static final String VALID = """
            regions:
              - {cloud: gcp, region: r1, zones: [r1-a, r1-b]}
              - {cloud: gcp, region: r2, zones: [r2-a]}
            sources:
              - {id: s, title: t, url: "https://example.com", date: "2026-01", verified: true}
            families:
              - {cloud: gcp, family: e2, class: general, perf: 0.8}
              - {cloud: gcp, family: n1, class: gpu, perf: 0.85}
            compute:
              - {cloud: gcp, family: e2, name: e2-a, machineType: e2-a, vcpu: 2, memoryGib: 8, sustainedVcpu: 2, gpus: 0, source: s, price: {r1: 0.1, r2: 0.2}}
              - {cloud: gcp, family: n1, name: n1-a-t4, machineType: n1-a, vcpu: 4, memoryGib: 15, sustainedVcpu: 4, gpus: 1, gpuModel: t4, source: s, price: {r1: 0.5, r2: 0.6}}
              - {cloud: gcp, family: n1, name: n1-a, machineType: n1-a, vcpu: 4, memoryGib: 15, sustainedVcpu: 4, gpus: 0, source: s, price: {r1: 0.2, r2: 0.3}}
            databases:
              - {cloud: gcp, engine: pg, name: db-a, vcpu: 1, memoryGib: 4, sharedCore: false, haFactor: 2.0, source: s, price: {r1: 0.05, r2: 0.06}}
            caches:
              - {cloud: gcp, engine: redis, name: basic-a, tier: BASIC, minGb: 1, maxGb: 4, source: s, pricePerGbHour: {r1: 0.05, r2: 0.05}}
              - {cloud: gcp, engine: redis, name: std-a, tier: STANDARD, minGb: 1, maxGb: 4, source: s, pricePerGbHour: {r1: 0.06, r2: 0.06}}
            services:
              - {cloud: gcp, id: disk, apiName: pd-x, unit: GB-month, source: s, price: {r1: 0.1, r2: 0.1}}
              - {cloud: gcp, id: ip, unit: hour, source: s, price: {r1: 0.005, r2: 0.005}}
            profiles:
              - {cloud: gcp, bootDisk: disk, dataDisk: disk, snapshotStorage: disk, staticIp: ip, mediaStorage: disk, mediaStorageLabel: m, databaseEngine: pg, databaseStorage: disk, databaseBackups: disk, cacheEngine: redis, cacheSingleTier: BASIC, cacheReplicatedTier: STANDARD, kubernetesReserve: gke, databaseSidecar: true, horizontalServices: [{category: network, item: lb, service: ip, quantity: "1", unit: rule}], notes: [a note]}
            edgeServices:
              - {id: plan, name: Plan, unit: month, source: s, price: 20.0, included: 2}
            """;

    private static Catalog parse(String yaml) {
        return Catalog.parse(new StringReader(yaml));
    }

    private static String refusal(String from, String to) {
        assertTrue(VALID.contains(from), "the case edits the catalog: " + from);
        return assertThrows(CatalogException.class, () -> parse(VALID.replace(from, to))).getMessage();
    }

    @Test
    void theValidCatalogLoadsWithItsLookUps() {
        Catalog c = parse(VALID);
        assertEquals(Set.of("r1", "r2"), c.regions(Cloud.GCP));
        assertEquals(Set.of(), c.regions(Cloud.AWS), "a catalog may hold one cloud only");
        assertEquals("r1", c.defaultRegion(Cloud.GCP), "the first region listed");
        assertEquals(List.of("r1-a", "r1-b"), c.zones(Cloud.GCP, "r1"));
        assertEquals("catalog: no zones for gcp region r3", assertThrows(CatalogException.class,
                () -> c.zones(Cloud.GCP, "r3")).getMessage());
        assertEquals("catalog: no regions for aws", assertThrows(CatalogException.class,
                () -> c.defaultRegion(Cloud.AWS)).getMessage());
        assertEquals(List.of("r1", "r2"), c.regionOrder(Cloud.GCP), "the regions section's order");
        assertEquals(List.of(), c.regionOrder(Cloud.AWS), "another cloud's regions are not this one's");
        assertEquals(List.of(), c.databases(Cloud.AWS), "databases are kept per cloud");
        assertEquals(List.of("e2-a", "n1-a-t4", "n1-a"), c.compute().stream().map(InstanceType::name).toList());
        assertEquals(List.of("db-a"), c.databases().stream().map(DatabaseTier::name).toList());
        assertEquals(List.of("basic-a", "std-a"), c.caches().stream().map(CacheOffer::name).toList());
        assertEquals(List.of("disk", "ip"), c.services().stream().map(ServicePrice::id).toList());
        assertEquals("s", c.database(Cloud.GCP, "db-a").orElseThrow().sourceId(), "the source an entry cites");
        assertFalse(c.database(Cloud.GCP, "db-a").orElseThrow().sharedCore());
        assertTrue(parse(VALID.replace("sharedCore: false", "sharedCore: true")).database(Cloud.GCP, "db-a").orElseThrow()
                .sharedCore(), "a flag read as written");
        assertEquals(4, parse(VALID.replace("minGb: 1, maxGb: 4, source: s, pricePerGbHour: {r1: 0.05",
                "minGb: 4, maxGb: 4, source: s, pricePerGbHour: {r1: 0.05")).caches(Cloud.GCP).get(0).minGb(),
                "one size only (minGb equal to maxGb) is allowed");
        assertEquals("gpu", c.familyClass(Cloud.GCP, "n1"));
        assertEquals("catalog: no family t3 for gcp", assertThrows(CatalogException.class,
                () -> c.familyClass(Cloud.GCP, "t3")).getMessage());
        assertEquals("disk", c.serviceByApiName(Cloud.GCP, "pd-x").orElseThrow().id());
        assertEquals("ip", c.serviceByApiName(Cloud.GCP, "ip").orElseThrow().id(), "without apiName, the id");
        assertEquals(2, c.edgeService("plan").included());
        assertEquals("catalog: no edge service price 'lb'", assertThrows(CatalogException.class,
                () -> c.edgeService("lb")).getMessage());
        assertEquals(List.of("a note"), c.notes(Cloud.GCP));
        assertEquals(List.of(new CloudProfile.StageService("network", "lb", "ip", "1", "rule")),
                c.profile(Cloud.GCP).horizontalServices());
        assertEquals("t4", c.instanceType(Cloud.GCP, "n1-a-t4").orElseThrow().gpuModel());
        assertNull(c.instanceType(Cloud.GCP, "n1-a").orElseThrow().gpuModel(), "no GPU, no model");
        assertEquals(0.85, c.instanceType(Cloud.GCP, "n1-a").orElseThrow().perf(), "the family's performance");
        assertEquals(0.06, c.database(Cloud.GCP, "db-a").orElseThrow().hourlyPrice("r2"));
        assertEquals(1.0, c.database(Cloud.GCP, "db-a").orElseThrow().sustainedVcpu(), "sustained defaults to vcpu");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // each line: the text replaced | its replacement | the message
            "zones: [r2-a]|zones: []|catalog: regions[1] needs a non-empty zones list",
            "verified: true|verified: \"true\"|catalog: sources[0] (s) needs 'verified' true or false",
            "{cloud: gcp, family: n1, class: gpu, perf: 0.85}|{cloud: gcp, family: e2, class: gpu, perf: 0.85}|catalog: family gcp/e2 appears twice",
            "family: e2, name: e2-a|family: t3, name: e2-a|catalog: compute[0] (e2-a) names family 't3' that is not in families",
            "memoryGib: 8, sustainedVcpu: 2,|memoryGib: 8, sustainedVcpu: 2.5,|catalog: compute[0] (e2-a) has sustainedVcpu above vcpu",
            "sustainedVcpu: 2, gpus: 0|sustainedVcpu: 2, gpus: -1|catalog: compute[0] (e2-a) has gpus = -1.0; it must be zero or more",
            "vcpu: 2, memoryGib: 8|vcpu: .inf, memoryGib: 8|catalog: compute[0] (e2-a) has vcpu = Infinity; it must be positive",
            "vcpu: 2, memoryGib: 8|vcpu: two, memoryGib: 8|catalog: compute[0] (e2-a) needs a number for 'vcpu'",
            "machineType: e2-a,|machineType: ' ',|catalog: compute[0] (e2-a) lacks 'machineType'",
            "{cloud: gcp, family: e2, name: e2-a|{cloud: azure, family: e2, name: e2-a|catalog: compute[0] (e2-a) has unknown cloud 'azure'",
            "gpus: 0, source: s, price: {r1: 0.1|gpus: 0, source: x, price: {r1: 0.1|catalog: compute[0] (e2-a) cites source 'x' that is not in sources",
            "price: {r1: 0.1, r2: 0.2}|price: []|catalog: compute[0] (e2-a) needs 'price' as a map of region to price",
            "price: {r1: 0.1, r2: 0.2}|price: {}|catalog: compute[0] (e2-a) needs 'price' as a map of region to price",
            "price: {r1: 0.1, r2: 0.2}|price: {r1: 0, r2: 0.2}|catalog: compute[0] (e2-a) has price.r1 = 0; prices must be positive numbers",
            "price: {r1: 0.1, r2: 0.2}|price: {r1: cheap, r2: 0.2}|catalog: compute[0] (e2-a) has price.r1 = cheap; prices must be positive numbers",
            "name: n1-a, machineType|name: e2-a, machineType|catalog: compute lists gcp/e2-a twice",
            "price: {r1: 0.1, r2: 0.2}|price: {r1: 0.1}|catalog: n1-a-t4 is priced in [r1, r2], more regions than its cloud's [r1] (the regions its first VM type is priced in)",
            "price: {r1: 0.2, r2: 0.3}|price: {r1: 0.2}|catalog: n1-a is not priced in [r2] (every entry of a cloud must be priced in each of its regions)",
            "price: {r1: 0.05, r2: 0.06}|price: {r1: 0.05}|catalog: db-a is not priced in [r2] (every entry of a cloud must be priced in each of its regions)",
            "pricePerGbHour: {r1: 0.06, r2: 0.06}|pricePerGbHour: {r1: 0.06}|catalog: std-a is not priced in [r2] (every entry of a cloud must be priced in each of its regions)",
            "price: {r1: 0.005, r2: 0.005}|price: {r1: 0.005}|catalog: ip is not priced in [r2] (every entry of a cloud must be priced in each of its regions)",
            "memoryGib: 4, sharedCore: false|memoryGib: 4, sharedCore: false, sustainedVcpu: 2|catalog: databases[0] (db-a) has sustainedVcpu above vcpu",
            "sharedCore: false|sharedCore: 'no'|catalog: databases[0] (db-a) needs 'sharedCore' true or false",
            "haFactor: 2.0|haFactor: 0|catalog: databases[0] (db-a) has haFactor = 0.0; it must be positive",
            "minGb: 1, maxGb: 4, source: s, pricePerGbHour: {r1: 0.05|minGb: 5, maxGb: 4, source: s, pricePerGbHour: {r1: 0.05|catalog: caches[0] (basic-a) has minGb above maxGb",
            "tier: BASIC, minGb: 1, maxGb: 4, source: s, pricePerGbHour: {r1: 0.05, r2: 0.05}|source: s, price: {r1: 0.05, r2: 0.05}|catalog: caches[0] (basic-a) needs a number for 'vcpu'",
            "{cloud: gcp, id: ip, unit: hour|{cloud: gcp, id: disk, unit: hour|catalog: services lists gcp/disk twice",
            "name: db-a, vcpu: 1|name: db-a, vcpu: 1, memoryGib: 4, sharedCore: false, haFactor: 2.0, source: s, price: {r1: 0.05, r2: 0.06}}\\n  - {cloud: gcp, engine: pg, name: db-a, vcpu: 1|catalog: databases lists gcp/db-a twice",
            "name: std-a, tier: STANDARD|name: basic-a, tier: STANDARD|catalog: caches lists gcp/basic-a twice",
            "notes: [a note]|notes: [a note], enterpriseRegionServices: [{category: c, item: i, service: nat, quantity: \"1\", unit: u}]|catalog: the gcp profile names service 'nat' that is not in services",
            "notes: [a note]|notes: [a note], horizontalEdgeServices: [{category: c, item: i, service: waf, quantity: \"1\", unit: u}]|catalog: the gcp profile names service 'waf' that is not in services",
            "notes: [a note]|notes: [a note], enterpriseServices: [{category: c, item: i, service: gke, quantity: \"1\", unit: u}]|catalog: the gcp profile names service 'gke' that is not in services",
            "notes: [a note]|notes: [a note], enterpriseEdgeServices: [{category: c, item: i, service: cdn, quantity: \"1\", unit: u}]|catalog: the gcp profile names service 'cdn' that is not in services",
            "notes: [a note]|notes: [a note], multiRegionMediaStorage: multi|catalog: the gcp profile names service 'multi' that is not in services",
            "id: ip, unit: hour|id: ip, unit: day|unknown price unit 'day'; allowed: hour, month, GB-month",
            "name: Plan, unit: month|name: Plan, unit: hour|catalog: edgeServices[0] (Plan) has unit 'hour'; edge fees are monthly (unit: month)",
            "included: 2|included: -2|catalog: edgeServices[0] (Plan) has included = -2.0; it must be zero or more",
            "staticIp: ip,|staticIp: eip,|catalog: the gcp profile names service 'eip' that is not in services",
            "[{category: network, item: lb, service: ip,|[{category: network, item: lb, service: nat,|catalog: the gcp profile names service 'nat' that is not in services",
            "cacheSingleTier: BASIC, |'' |catalog: the gcp profile needs cacheSingleTier and cacheReplicatedTier for its capacity-priced caches",
            "cacheReplicatedTier: STANDARD, |'' |catalog: the gcp profile needs cacheSingleTier and cacheReplicatedTier for its capacity-priced caches",
            "horizontalServices: [{category: network, item: lb, service: ip, quantity: \"1\", unit: rule}]|horizontalServices: lb|catalog: profiles[0] needs 'horizontalServices' as a list",
            "horizontalServices: [{category: network, item: lb, service: ip, quantity: \"1\", unit: rule}]|horizontalServices: [lb]|catalog: profiles[0] horizontalServices[0] is not a map",
            ", unit: rule}]|}]|catalog: profiles horizontalServices[0] lacks 'unit'",
            "notes: [a note]|notes: lonely|catalog: profiles[0] needs 'notes' as a list",
            "databases:\\n|databases: none\\nunused:\\n|catalog: section 'databases' is missing or not a list",
            "compute:\\n|compute:\\n  - just a name\\n|catalog: compute[0] is not a map"})
    void eachBrokenRuleIsNamed(String from, String to, String message) {
        assertEquals(message, refusal(from.replace("\\n", "\n"), to.replace("\\n", "\n")));
    }

    @Test
    void aCatalogWithoutAProfileForItsCloudOrWithItTwiceIsRefused() {
        String profile = VALID.substring(VALID.indexOf("  - {cloud: gcp, bootDisk"), VALID.indexOf("edgeServices:"));
        assertEquals("catalog: profiles has no entry for gcp", refusal(profile, ""));
        assertEquals("catalog: profiles lists gcp twice", refusal(profile, profile + profile));
        assertEquals("catalog: edgeServices lists plan twice", refusal("  - {id: plan, name: Plan, unit: month, source: s,"
                + " price: 20.0, included: 2}\n", "  - {id: plan, name: Plan, unit: month, source: s, price: 20.0, included:"
                + " 2}\n  - {id: plan, name: Plan, unit: month, source: s, price: 20.0}\n"));
        assertEquals("catalog: region r2 of gcp has no zones in the regions section",
                refusal("  - {cloud: gcp, region: r2, zones: [r2-a]}\n", ""));
        assertEquals("catalog: source id 's' appears twice", refusal("sources:\n", "sources:\n  - {id: s, title: t, url: u,"
                + " date: d, verified: false}\n"));
        assertEquals("catalog: the document must be a map with sources, families, compute, databases, caches, services",
                assertThrows(CatalogException.class, () -> parse("- just\n- a list\n")).getMessage());
    }

    @Test
    void optionalSectionsMayBeLeftOut() {
        String without = VALID.substring(0, VALID.indexOf("edgeServices:"));
        assertEquals(List.of(), parse(without).edgeServices());
        String noCaches = VALID.replace(VALID.substring(VALID.indexOf("caches:\n") + "caches:\n".length(),
                VALID.indexOf("services:")), "").replace("caches:\n", "caches: []\n");
        assertEquals(List.of(), parse(noCaches).caches(Cloud.GCP), "no capacity-priced cache: tiers are not needed");
    }
}
