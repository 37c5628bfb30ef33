package io.stagecraft.diff;

import io.stagecraft.policy.StatefulTypes;
import java.util.List;

/**
 * A resource holding data that the change deletes or replaces, and why.
 *
 * @param store          what kind of store it is and what is lost with it
 * @param reasons        why it goes: replacement causes, the stage move, the retire setting
 * @param protect        it is protected now: {@code pulumi up} stops before deleting it
 * @param retainOnDelete Pulumi leaves it in the cloud when it deletes it: dropped from the stack, still billed
 */
public record DataRisk(String urn, String type, String name, Operation operation, StatefulTypes.Store store,
                       List<String> reasons, boolean protect, boolean retainOnDelete) {
    public DataRisk {
        reasons = List.copyOf(reasons);
    }
}
