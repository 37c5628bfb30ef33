package io.stagecraft.sizing;

import java.util.List;

/**
 * What differs between clouds, as catalog data rather than branches in code: the disk, snapshot, IP, object storage,
 * managed database and cache products a stage uses (catalog service ids), and the fixed services each stage pays for.
 *
 * @param multiRegionMediaStorage the object storage service of a multi-region bucket, priced in the catalog under the
 *                                regions the multi-region contains (null where the cloud has none)
 * @param cacheSingleTier         for caches priced by capacity: the service tier without a replica (else null)
 * @param cacheReplicatedTier     for caches priced by capacity: the service tier with a failover replica (else null)
 * @param kubernetesReserve       the managed Kubernetes service's node reservation formula: gke or eks
 * @param databaseSidecar         whether every enterprise pod runs a connector beside the app to reach the managed
 *                                database (the Cloud SQL Auth Proxy on GCP), whose requests are packed with the app's
 * @param horizontalServices        fixed services of the horizontal stage, in its region
 * @param enterpriseRegionServices  fixed services of the enterprise stage, in each region
 * @param horizontalEdgeServices    what putting an edge in front of the horizontal stage adds on this cloud, in its
 *                                  region (e.g. the extra Cloud Armor rule that admits the edge's ranges)
 * @param enterpriseServices        fixed services of the enterprise stage once per stack (billed in the primary region)
 * @param enterpriseEdgeServices    what the edge adds to the enterprise stage once per stack
 * @param notes                     caveats every plan on this cloud carries
 */
public record CloudProfile(
        Cloud cloud,
        String bootDisk,
        String dataDisk,
        String snapshotStorage,
        String staticIp,
        String mediaStorage,
        String mediaStorageLabel,
        String multiRegionMediaStorage,
        String multiRegionMediaStorageLabel,
        String databaseEngine,
        String databaseStorage,
        String databaseBackups,
        String cacheEngine,
        String cacheSingleTier,
        String cacheReplicatedTier,
        String kubernetesReserve,
        boolean databaseSidecar,
        List<StageService> horizontalServices,
        List<StageService> enterpriseRegionServices,
        List<StageService> horizontalEdgeServices,
        List<StageService> enterpriseServices,
        List<StageService> enterpriseEdgeServices,
        List<String> notes) {

    public CloudProfile {
        horizontalServices = List.copyOf(horizontalServices);
        enterpriseRegionServices = List.copyOf(enterpriseRegionServices);
        horizontalEdgeServices = List.copyOf(horizontalEdgeServices);
        enterpriseServices = List.copyOf(enterpriseServices);
        enterpriseEdgeServices = List.copyOf(enterpriseEdgeServices);
        notes = List.copyOf(notes);
    }

    /**
     * A service a stage pays for whatever its load. {@code quantity} is a number, or a name the stage planner fills in:
     * {@code vms} (VMs in the region), {@code zones} (availability zones the stage's network spans),
     * {@code natGateways} (one per zone used at the HA target, else one).
     */
    public record StageService(String category, String item, String service, String quantity, String unit) {
        public double quantity(java.util.Map<String, Double> named) {
            Double v = named.get(quantity);
            if (v != null) {
                return v;
            }
            try {
                return Double.parseDouble(quantity);
            } catch (NumberFormatException e) {
                throw new CatalogException("catalog: stage service " + item + " has quantity '" + quantity
                        + "', neither a number nor one of " + named.keySet());
            }
        }
    }
}
