package io.stagecraft.sizing;

/**
 * Disks and object storage. {@code dataDiskGb} and {@code snapshotGb} are for the single VM's Postgres
 * disk (zero in later stages); {@code mediaGb} is what the media bucket is expected to hold.
 */
public record StoragePlan(int bootDiskGb, int dataDiskGb, double snapshotGb, int snapshotRetentionDays, double mediaGb) {
}
