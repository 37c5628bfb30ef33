package io.stagecraft.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonSerializer;
import com.google.gson.JsonPrimitive;
import io.stagecraft.config.Setting;
import io.stagecraft.sizing.CacheOffer;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Tier;
import io.stagecraft.sizing.DatabaseTier;
import io.stagecraft.sizing.InstanceType;
import io.stagecraft.sizing.LoadInput;
import io.stagecraft.sizing.SizingPlan;

/**
 * JSON for tools. Catalog entries are written as their name and shape, not their whole price table; the plan
 * carries its computed totals.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static Gson gson() {
        return new GsonBuilder()
                .setPrettyPrinting()
                .serializeNulls()
                .disableHtmlEscaping()
                .serializeSpecialFloatingPointValues()
                // enums as the ids users type in config, not Java constant names
                .registerTypeAdapter(Stage.class, (JsonSerializer<Stage>) (v, t, c) -> new JsonPrimitive(v.id()))
                .registerTypeAdapter(Cloud.class, (JsonSerializer<Cloud>) (v, t, c) -> new JsonPrimitive(v.id()))
                .registerTypeAdapter(Tier.class, (JsonSerializer<Tier>) (v, t, c) -> new JsonPrimitive(v.id()))
                .registerTypeAdapter(LoadInput.Kind.class, (JsonSerializer<LoadInput.Kind>) (v, t, c) -> new JsonPrimitive(Setting.stating(v).shortName()))
                .registerTypeAdapter(InstanceType.class, (JsonSerializer<InstanceType>) (t, type, ctx) -> {
                    JsonObject o = new JsonObject();
                    o.addProperty("name", t.name());
                    o.addProperty("machineType", t.machineType());
                    o.addProperty("family", t.family());
                    o.addProperty("vcpu", t.vcpu());
                    o.addProperty("memoryGib", t.memoryGib());
                    o.addProperty("gpus", t.gpus());
                    if (t.gpuModel() != null) {
                        o.addProperty("gpuModel", t.gpuModel());
                    }
                    return o;
                })
                .registerTypeAdapter(DatabaseTier.class, (JsonSerializer<DatabaseTier>) (t, type, ctx) -> {
                    JsonObject o = new JsonObject();
                    o.addProperty("name", t.name());
                    o.addProperty("engine", t.engine());
                    o.addProperty("vcpu", t.vcpu());
                    o.addProperty("memoryGib", t.memoryGib());
                    return o;
                })
                .registerTypeAdapter(CacheOffer.class, (JsonSerializer<CacheOffer>) (t, type, ctx) -> {
                    JsonObject o = new JsonObject();
                    o.addProperty("name", t.name());
                    o.addProperty("engine", t.engine());
                    if (t.pricedPerGb()) {
                        o.addProperty("tier", t.tier());
                    } else {
                        o.addProperty("memoryGib", t.memoryGib());
                    }
                    return o;
                })
                .create();
    }

    public static JsonElement toJson(SizingPlan plan) {
        Gson gson = gson();
        JsonObject o = gson.toJsonTree(plan).getAsJsonObject();
        o.addProperty("monthlyCostUsd", Math.round(plan.monthlyCost() * 100) / 100.0);
        o.add("costByCategory", gson.toJsonTree(plan.cost().byCategory()));
        return o;
    }

    public static String render(SizingPlan plan) {
        return gson().toJson(toJson(plan));
    }
}
