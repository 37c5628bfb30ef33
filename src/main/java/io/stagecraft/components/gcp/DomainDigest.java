package io.stagecraft.components.gcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A short, stable stand-in for a set of domains in logical names: eight hex characters, the same whatever the order
 * the domains are listed in. Keeps generated physical names within GCP's 63 characters however long the domains are.
 */
final class DomainDigest {
    private DomainDigest() {
    }

    static String of(List<String> domains) {
        List<String> sorted = new ArrayList<>(domains);
        Collections.sort(sorted);
        String digest = Integer.toHexString(String.join(",", sorted).hashCode() & 0x7fffffff);
        return "0".repeat(Math.max(0, 8 - digest.length())) + digest;
    }
}
