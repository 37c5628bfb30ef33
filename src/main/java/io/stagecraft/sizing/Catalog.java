package io.stagecraft.sizing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Instance types, managed database and cache tiers, and service unit prices, loaded from a YAML resource
 * ({@code io/stagecraft/sizing/catalog.yaml}) so prices can be updated without touching code. Every entry
 * names its source; loading checks that figures are positive, names unique and every region priced.
 */
public final class Catalog {
    public static final String DEFAULT_RESOURCE = "/io/stagecraft/sizing/catalog.yaml";

    private final Map<String, PriceSource> sources;
    private final List<InstanceFamily> families;
    private final List<InstanceType> compute;
    private final List<DatabaseTier> databases;
    private final List<CacheOffer> caches;
    private final List<ServicePrice> services;
    private final List<EdgePrice> edgeServices;
    private final Map<Cloud, CloudProfile> profiles;
    // per-cloud views, built once: the calculator asks for them on every plan
    private final Map<Cloud, List<InstanceType>> computeByCloud = new java.util.EnumMap<>(Cloud.class);
    private final Map<Cloud, List<DatabaseTier>> databasesByCloud = new java.util.EnumMap<>(Cloud.class);
    private final Map<Cloud, List<CacheOffer>> cachesByCloud = new java.util.EnumMap<>(Cloud.class);
    private final Map<Cloud, Set<String>> regionsByCloud = new java.util.EnumMap<>(Cloud.class);
    private final Map<String, ServicePrice> serviceByKey = new java.util.HashMap<>();
    private final Map<String, List<String>> zonesByRegion;
    private final Map<String, String> pricedAs;

    private Catalog(Map<String, List<String>> zonesByRegion, Map<String, String> pricedAs, Map<String, PriceSource> sources, List<InstanceFamily> families,
                    List<InstanceType> compute, List<DatabaseTier> databases, List<CacheOffer> caches,
                    List<ServicePrice> services, List<EdgePrice> edgeServices, Map<Cloud, CloudProfile> profiles) {
        this.edgeServices = List.copyOf(edgeServices);
        this.profiles = Map.copyOf(profiles);
        this.zonesByRegion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zonesByRegion));
        this.pricedAs = Map.copyOf(pricedAs);
        this.sources = Map.copyOf(sources);
        this.families = List.copyOf(families);
        this.compute = List.copyOf(compute);
        this.databases = List.copyOf(databases);
        this.caches = List.copyOf(caches);
        this.services = List.copyOf(services);
        for (Cloud cloud : Cloud.values()) {
            computeByCloud.put(cloud, this.compute.stream().filter(t -> t.cloud() == cloud).toList());
            databasesByCloud.put(cloud, this.databases.stream().filter(t -> t.cloud() == cloud)
                    .sorted(Comparator.comparingDouble(DatabaseTier::vcpu).thenComparingDouble(DatabaseTier::memoryGib))
                    .toList());
            cachesByCloud.put(cloud, this.caches.stream().filter(t -> t.cloud() == cloud).toList());
            regionsByCloud.put(cloud, computeByCloud.get(cloud).stream().findFirst()
                    .map(t -> (Set<String>) java.util.Collections.unmodifiableSet(new TreeSet<>(t.hourly().regions())))
                    .orElse(Set.of()));
        }
        for (ServicePrice s : this.services) {
            serviceByKey.put(s.cloud() + "/" + s.id(), s);
        }
    }

    private static volatile Catalog defaultCatalog;

    /** The catalog shipped in the jar, parsed once. */
    public static Catalog loadDefault() {
        Catalog c = defaultCatalog;
        if (c == null) {
            synchronized (Catalog.class) {
                c = defaultCatalog;
                if (c == null) {
                    try (InputStream in = Catalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                        if (in == null) {
                            throw new CatalogException("catalog resource " + DEFAULT_RESOURCE + " is missing from the classpath");
                        }
                        c = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new CatalogException("cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage());
                    }
                    defaultCatalog = c;
                }
            }
        }
        return c;
    }

    public static Catalog parse(Reader reader) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (!(root instanceof Map<?, ?> doc)) {
            throw new CatalogException("catalog: the document must be a map with sources, families, compute, databases, caches, services");
        }
        Map<String, List<String>> zones = new LinkedHashMap<>();
        Map<String, String> pricedAs = new LinkedHashMap<>();
        for (Entry e : entries(doc, "regions")) {
            Object list = e.map().get("zones");
            if (!(list instanceof List<?> z) || z.isEmpty()) {
                throw new CatalogException("catalog: " + e.where() + " needs a non-empty zones list");
            }
            zones.put(e.cloud() + "/" + e.string("region"), z.stream().map(Object::toString).toList());
            if (e.has("pricedAs")) {
                pricedAs.put(e.cloud() + "/" + e.string("region"), e.cloud() + "/" + e.string("pricedAs"));
            }
        }
        for (Map.Entry<String, String> alias : pricedAs.entrySet()) {
            if (!zones.containsKey(alias.getValue()) || pricedAs.containsKey(alias.getValue())) {
                throw new CatalogException("catalog: region " + alias.getKey() + " is priced as " + alias.getValue()
                        + ", which must be a region of the same cloud with prices of its own");
            }
        }
        Map<String, PriceSource> sources = new LinkedHashMap<>();
        for (Entry e : entries(doc, "sources")) {
            PriceSource s = new PriceSource(e.string("id"), e.string("title"), e.string("url"), e.string("date"),
                    e.bool("verified"), e.optionalString("note"));
            if (sources.put(s.id(), s) != null) {
                throw new CatalogException("catalog: source id '" + s.id() + "' appears twice");
            }
        }
        List<InstanceFamily> families = new ArrayList<>();
        for (Entry e : entries(doc, "families")) {
            families.add(new InstanceFamily(e.cloud(), e.string("family"), e.string("class"), e.positive("perf"),
                    e.optionalString("note")));
        }
        Map<String, InstanceFamily> familyByKey = families.stream()
                .collect(Collectors.toMap(f -> f.cloud() + "/" + f.name(), Function.identity(), (a, b) -> {
                    throw new CatalogException("catalog: family " + a.cloud() + "/" + a.name() + " appears twice");
                }));
        List<InstanceType> compute = new ArrayList<>();
        for (Entry e : entries(doc, "compute", pricedAs)) {
            Cloud cloud = e.cloud();
            String familyName = e.string("family");
            InstanceFamily family = familyByKey.get(cloud + "/" + familyName);
            if (family == null) {
                throw new CatalogException("catalog: " + e.where() + " names family '" + familyName + "' that is not in families");
            }
            double vcpu = e.positive("vcpu");
            double sustained = e.positive("sustainedVcpu");
            if (sustained > vcpu) {
                throw new CatalogException("catalog: " + e.where() + " has sustainedVcpu above vcpu");
            }
            int gpus = (int) e.nonNegative("gpus");
            compute.add(new InstanceType(cloud, familyName, e.string("name"), e.string("machineType"), vcpu,
                    e.positive("memoryGib"), sustained, gpus, gpus > 0 ? e.string("gpuModel") : null, family.perf(),
                    e.source(sources), e.prices("price")));
        }
        List<DatabaseTier> databases = new ArrayList<>();
        for (Entry e : entries(doc, "databases", pricedAs)) {
            double vcpu = e.positive("vcpu");
            double sustained = e.has("sustainedVcpu") ? e.positive("sustainedVcpu") : vcpu;
            if (sustained > vcpu) {
                throw new CatalogException("catalog: " + e.where() + " has sustainedVcpu above vcpu");
            }
            databases.add(new DatabaseTier(e.cloud(), e.string("engine"), e.string("name"), vcpu,
                    e.positive("memoryGib"), e.bool("sharedCore"), sustained, e.positive("haFactor"), e.source(sources),
                    e.prices("price")));
        }
        List<CacheOffer> caches = new ArrayList<>();
        for (Entry e : entries(doc, "caches", pricedAs)) {
            if (e.has("pricePerGbHour")) {
                int min = (int) e.positive("minGb");
                int max = (int) e.positive("maxGb");
                if (min > max) {
                    throw new CatalogException("catalog: " + e.where() + " has minGb above maxGb");
                }
                caches.add(new CacheOffer(e.cloud(), e.string("engine"), e.string("name"), e.string("tier"), min, max,
                        0, 0, e.source(sources), null, e.prices("pricePerGbHour")));
            } else {
                caches.add(new CacheOffer(e.cloud(), e.string("engine"), e.string("name"), null, 0, 0,
                        e.positive("vcpu"), e.positive("memoryGib"), e.source(sources), e.prices("price"), null));
            }
        }
        List<ServicePrice> services = new ArrayList<>();
        for (Entry e : entries(doc, "services", pricedAs)) {
            String id = e.string("id");
            services.add(new ServicePrice(e.cloud(), id, e.has("apiName") ? e.string("apiName") : id,
                    PriceUnit.fromId(e.string("unit")),
                    e.source(sources), e.prices("price")));
        }
        List<EdgePrice> edgeServices = new ArrayList<>();
        for (Entry e : doc.get("edgeServices") == null ? List.<Entry>of() : entries(doc, "edgeServices")) {
            if (!e.string("unit").equals(PriceUnit.MONTH.id())) {
                throw new CatalogException("catalog: " + e.where() + " has unit '" + e.string("unit")
                        + "'; edge fees are monthly (unit: month)");
            }
            edgeServices.add(new EdgePrice(e.string("id"), e.string("name"), e.source(sources), e.positive("price"),
                    e.has("included") ? (int) e.nonNegative("included") : 0));
        }
        Map<Cloud, CloudProfile> profiles = new java.util.EnumMap<>(Cloud.class);
        for (Entry e : doc.get("profiles") == null ? List.<Entry>of() : entries(doc, "profiles")) {
            CloudProfile p = new CloudProfile(e.cloud(), e.string("bootDisk"), e.string("dataDisk"),
                    e.string("snapshotStorage"), e.string("staticIp"), e.string("mediaStorage"),
                    e.string("mediaStorageLabel"), e.optionalString("multiRegionMediaStorage"),
                    e.optionalString("multiRegionMediaStorageLabel"), e.string("databaseEngine"), e.string("databaseStorage"),
                    e.string("databaseBackups"), e.string("cacheEngine"), e.optionalString("cacheSingleTier"),
                    e.optionalString("cacheReplicatedTier"), e.string("kubernetesReserve"), e.bool("databaseSidecar"),
                    e.stageServices("horizontalServices"),
                    e.stageServices("enterpriseRegionServices"), e.stageServices("horizontalEdgeServices"),
                    e.stageServices("enterpriseServices"), e.stageServices("enterpriseEdgeServices"),
                    e.strings("notes"));
            if (profiles.put(p.cloud(), p) != null) {
                throw new CatalogException("catalog: profiles lists " + p.cloud() + " twice");
            }
        }
        Catalog catalog = new Catalog(zones, pricedAs, sources, families, compute, databases, caches, services, edgeServices,
                profiles);
        catalog.checkInvariants();
        return catalog;
    }

    private void checkInvariants() {
        unique("compute", compute, t -> t.cloud() + "/" + t.name());
        unique("databases", databases, t -> t.cloud() + "/" + t.name());
        unique("caches", caches, t -> t.cloud() + "/" + t.name());
        unique("services", services, t -> t.cloud() + "/" + t.id());
        unique("edgeServices", edgeServices, EdgePrice::id);
        for (Cloud cloud : Cloud.values()) {
            Set<String> regions = regions(cloud);
            for (String region : regions) {
                if (!zonesByRegion.containsKey(cloud + "/" + region)) {
                    throw new CatalogException("catalog: region " + region + " of " + cloud + " has no zones in the regions section");
                }
            }
            compute.stream().filter(t -> t.cloud() == cloud).forEach(t -> complete(t.name(), t.hourly(), regions));
            databases.stream().filter(t -> t.cloud() == cloud).forEach(t -> complete(t.name(), t.hourly(), regions));
            caches.stream().filter(t -> t.cloud() == cloud)
                    .forEach(t -> complete(t.name(), t.pricedPerGb() ? t.perGbHourly() : t.nodeHourly(), regions));
            services.stream().filter(t -> t.cloud() == cloud).forEach(t -> complete(t.id(), t.price(), regions));
        }
        for (Cloud cloud : Cloud.values()) {
            if (computeByCloud.get(cloud).isEmpty()) {
                continue; // a catalog may hold one cloud only
            }
            CloudProfile p = profiles.get(cloud);
            if (p == null) {
                throw new CatalogException("catalog: profiles has no entry for " + cloud);
            }
            List<String> ids = new ArrayList<>(List.of(p.bootDisk(), p.dataDisk(), p.snapshotStorage(), p.staticIp(),
                    p.mediaStorage(), p.databaseStorage(), p.databaseBackups()));
            if (p.multiRegionMediaStorage() != null) {
                ids.add(p.multiRegionMediaStorage());
            }
            p.horizontalServices().forEach(s -> ids.add(s.service()));
            p.enterpriseRegionServices().forEach(s -> ids.add(s.service()));
            p.horizontalEdgeServices().forEach(s -> ids.add(s.service()));
            p.enterpriseServices().forEach(s -> ids.add(s.service()));
            p.enterpriseEdgeServices().forEach(s -> ids.add(s.service()));
            for (String id : ids) {
                if (!serviceByKey.containsKey(cloud + "/" + id)) {
                    throw new CatalogException("catalog: the " + cloud + " profile names service '" + id
                            + "' that is not in services");
                }
            }
            boolean byCapacity = caches.stream().anyMatch(c -> c.cloud() == cloud && c.pricedPerGb());
            if (byCapacity && (p.cacheSingleTier() == null || p.cacheReplicatedTier() == null)) {
                throw new CatalogException("catalog: the " + cloud + " profile needs cacheSingleTier and"
                        + " cacheReplicatedTier for its capacity-priced caches");
            }
        }
    }

    private static <T> void unique(String section, List<T> items, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(key.apply(item))) {
                throw new CatalogException("catalog: " + section + " lists " + key.apply(item) + " twice");
            }
        }
    }

    private static void complete(String name, RegionalPrice price, Set<String> regions) {
        if (!price.regions().equals(regions)) {
            Set<String> missing = new TreeSet<>(regions);
            missing.removeAll(price.regions());
            if (missing.isEmpty()) {
                // the cloud's regions are its first VM type's: an entry priced in more names the region that type lacks
                throw new CatalogException("catalog: " + name + " is priced in " + new TreeSet<>(price.regions())
                        + ", more regions than its cloud's " + regions + " (the regions its first VM type is priced in)");
            }
            throw new CatalogException("catalog: " + name + " is not priced in " + missing
                    + " (every entry of a cloud must be priced in each of its regions)");
        }
    }

    /** Regions of a cloud: those its VM types are priced in. */
    public Set<String> regions(Cloud cloud) {
        return regionsByCloud.get(cloud);
    }

    /**
     * The region whose prices a region takes when the catalog lists it as priced like another (its figures were not
     * read for it separately), else empty.
     */
    public Optional<String> pricedAs(Cloud cloud, String region) {
        return Optional.ofNullable(pricedAs.get(cloud + "/" + region)).map(r -> r.substring(r.indexOf('/') + 1));
    }

    /**
     * A cloud's regions in the catalog's order. The order is stable (new regions are appended), so a region's place in
     * it can name things that must never change for the region, such as its network ranges.
     */
    public List<String> regionOrder(Cloud cloud) {
        return zonesByRegion.keySet().stream().filter(k -> k.startsWith(cloud + "/"))
                .map(k -> k.substring(k.indexOf('/') + 1)).toList();
    }

    /** The region a cloud's plans use when none is given: its first in the catalog's regions section. */
    public String defaultRegion(Cloud cloud) {
        return zonesByRegion.keySet().stream().filter(k -> k.startsWith(cloud + "/")).findFirst()
                .map(k -> k.substring(k.indexOf('/') + 1))
                .orElseThrow(() -> new CatalogException("catalog: no regions for " + cloud));
    }

    /** Zones of a region, in the catalog's order; the first is where single-zone resources go. */
    public List<String> zones(Cloud cloud, String region) {
        List<String> z = zonesByRegion.get(cloud + "/" + region);
        if (z == null) {
            throw new CatalogException("catalog: no zones for " + cloud + " region " + region);
        }
        return z;
    }

    /** What differs between clouds: products used and fixed services per stage. */
    public CloudProfile profile(Cloud cloud) {
        return profiles.get(cloud);
    }

    /** Caveats every plan on a cloud carries. */
    public List<String> notes(Cloud cloud) {
        return profiles.get(cloud).notes();
    }

    public List<InstanceType> compute(Cloud cloud) {
        return computeByCloud.get(cloud);
    }

    public Optional<InstanceType> instanceType(Cloud cloud, String name) {
        return compute.stream().filter(t -> t.cloud() == cloud && t.name().equals(name)).findFirst();
    }

    /** The class of a family (burstable, general, compute, memory, gpu). */
    public String familyClass(Cloud cloud, String family) {
        return families.stream().filter(f -> f.cloud() == cloud && f.name().equals(family)).findFirst()
                .map(InstanceFamily::instanceClass)
                .orElseThrow(() -> new CatalogException("catalog: no family " + family + " for " + cloud));
    }

    /** Database tiers of a cloud, smallest first. */
    public List<DatabaseTier> databases(Cloud cloud) {
        return databasesByCloud.get(cloud);
    }

    public Optional<DatabaseTier> database(Cloud cloud, String name) {
        return databases.stream().filter(t -> t.cloud() == cloud && t.name().equals(name)).findFirst();
    }

    public List<CacheOffer> caches(Cloud cloud) {
        return cachesByCloud.get(cloud);
    }

    public Optional<CacheOffer> cache(Cloud cloud, String name) {
        return caches.stream().filter(t -> t.cloud() == cloud && t.name().equals(name)).findFirst();
    }

    public ServicePrice service(Cloud cloud, String id) {
        ServicePrice s = serviceByKey.get(cloud + "/" + id);
        if (s == null) {
            throw new CatalogException("catalog: no service price '" + id + "' for " + cloud);
        }
        return s;
    }

    /** The service a cloud API name stands for (an EBS volume type, a persistent disk type), if the catalog prices it. */
    public Optional<ServicePrice> serviceByApiName(Cloud cloud, String apiName) {
        return services.stream().filter(s -> s.cloud() == cloud && s.apiName().equals(apiName)).findFirst();
    }

    public List<ServicePrice> services() {
        return services;
    }

    /** A fee of the edge provider by id (e.g. cloudflare-plan). */
    public EdgePrice edgeService(String id) {
        return edgeServices.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                new CatalogException("catalog: no edge service price '" + id + "'"));
    }

    public List<EdgePrice> edgeServices() {
        return edgeServices;
    }

    public Map<String, PriceSource> sources() {
        return sources;
    }

    public List<InstanceType> compute() {
        return compute;
    }

    public List<DatabaseTier> databases() {
        return databases;
    }

    public List<CacheOffer> caches() {
        return caches;
    }

    // ---- YAML reading helpers: each failure names the entry and field ----

    private static List<Entry> entries(Map<?, ?> doc, String section) {
        return entries(doc, section, Map.of());
    }

    private static List<Entry> entries(Map<?, ?> doc, String section, Map<String, String> pricedAs) {
        Object list = doc.get(section);
        if (!(list instanceof List<?> items)) {
            throw new CatalogException("catalog: section '" + section + "' is missing or not a list");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw new CatalogException("catalog: " + section + "[" + i + "] is not a map");
            }
            out.add(new Entry(section, i, m, pricedAs));
        }
        return out;
    }

    private record Entry(String section, int index, Map<?, ?> map, Map<String, String> pricedAs) {
        String where() {
            Object name = map.get("name") != null ? map.get("name") : map.get("id");
            return section + "[" + index + "]" + (name != null ? " (" + name + ")" : "");
        }

        boolean has(String key) {
            return map.get(key) != null;
        }

        String string(String key) {
            Object v = map.get(key);
            if (v == null || v.toString().isBlank()) {
                throw new CatalogException("catalog: " + where() + " lacks '" + key + "'");
            }
            return v.toString();
        }

        String optionalString(String key) {
            Object v = map.get(key);
            return v == null ? null : v.toString();
        }

        boolean bool(String key) {
            Object v = map.get(key);
            if (!(v instanceof Boolean b)) {
                throw new CatalogException("catalog: " + where() + " needs '" + key + "' true or false");
            }
            return b;
        }

        double number(String key) {
            Object v = map.get(key);
            if (!(v instanceof Number n)) {
                throw new CatalogException("catalog: " + where() + " needs a number for '" + key + "'");
            }
            return n.doubleValue();
        }

        double positive(String key) {
            double d = number(key);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new CatalogException("catalog: " + where() + " has " + key + " = " + d + "; it must be positive");
            }
            return d;
        }

        double nonNegative(String key) {
            double d = number(key);
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new CatalogException("catalog: " + where() + " has " + key + " = " + d + "; it must be zero or more");
            }
            return d;
        }

        Cloud cloud() {
            String id = string("cloud");
            return Cloud.fromId(id).orElseThrow(() ->
                    new CatalogException("catalog: " + where() + " has unknown cloud '" + id + "'"));
        }

        String source(Map<String, PriceSource> sources) {
            String id = string("source");
            if (!sources.containsKey(id)) {
                throw new CatalogException("catalog: " + where() + " cites source '" + id + "' that is not in sources");
            }
            return id;
        }

        List<String> strings(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                throw new CatalogException("catalog: " + where() + " needs '" + key + "' as a list");
            }
            return l.stream().map(Object::toString).toList();
        }

        List<CloudProfile.StageService> stageServices(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                throw new CatalogException("catalog: " + where() + " needs '" + key + "' as a list");
            }
            List<CloudProfile.StageService> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof Map<?, ?> m)) {
                    throw new CatalogException("catalog: " + where() + " " + key + "[" + i + "] is not a map");
                }
                Entry item = new Entry(section + " " + key, i, m, pricedAs);
                out.add(new CloudProfile.StageService(item.string("category"), item.string("item"), item.string("service"),
                        item.string("quantity"), item.string("unit")));
            }
            return out;
        }

        RegionalPrice prices(String key) {
            Object v = map.get(key);
            if (!(v instanceof Map<?, ?> m) || m.isEmpty()) {
                throw new CatalogException("catalog: " + where() + " needs '" + key + "' as a map of region to price");
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> p : m.entrySet()) {
                if (!(p.getValue() instanceof Number n) || !(n.doubleValue() > 0)) {
                    throw new CatalogException("catalog: " + where() + " has " + key + "." + p.getKey()
                            + " = " + p.getValue() + "; prices must be positive numbers");
                }
                out.put(p.getKey().toString(), n.doubleValue());
            }
            // a region priced as another takes that region's figure, unless the entry lists it itself
            String cloud = has("cloud") ? string("cloud") : null;
            for (Map.Entry<String, String> alias : pricedAs.entrySet()) {
                String region = alias.getKey().substring(alias.getKey().indexOf('/') + 1);
                String base = alias.getValue().substring(alias.getValue().indexOf('/') + 1);
                if (cloud != null && alias.getKey().startsWith(cloud + "/") && !out.containsKey(region)
                        && out.containsKey(base)) {
                    out.put(region, out.get(base));
                }
            }
            return new RegionalPrice(out);
        }
    }
}
