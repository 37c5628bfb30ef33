package io.stagecraft.sizing;

/**
 * How the single VM's CPU and memory are divided among its containers (guide 1's service split, scaled to
 * the load). CPU figures are container limits in vCPUs; memory in MiB.
 */
public record ServerSplit(
        double appCpus,
        int appMemoryMb,
        int appWorkers,
        double postgresCpus,
        int postgresMemoryMb,
        int postgresMaxConnections,
        int postgresSharedBuffersMb,
        double redisCpus,
        int redisMemoryMb,
        int redisMaxMemoryMb,
        double nginxCpus,
        int nginxMemoryMb) {
}
