package io.stagecraft.sizing;

/**
 * The part of a workload a sizing refusal is about. The sizing core knows no setting names: the settings layer maps
 * each field (and, for a pinned type, its tier) to the key the user typed.
 */
public enum WorkloadField {
    LOAD, REGIONS, AVAILABILITY, STAGE, PINNED_TYPE
}
