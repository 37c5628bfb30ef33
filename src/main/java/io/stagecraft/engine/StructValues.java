package io.stagecraft.engine;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the protobuf values a program sends to the engine into plain Java, hiding secrets. Pulumi marks special
 * values (secrets, resource references, assets) with a signature key; unknown values with a fixed string.
 */
final class StructValues {
    static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private StructValues() {
    }

    static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : struct.getFieldsMap().entrySet()) {
            Object v = toJava(e.getValue());
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /** Plain Java (String, Number, Boolean, Map, List, null) to a protobuf value. */
    static Value toValue(Object o) {
        Value.Builder b = Value.newBuilder();
        if (o == null) {
            return b.setNullValue(com.google.protobuf.NullValue.NULL_VALUE).build();
        }
        if (o instanceof String str) {
            return b.setStringValue(str).build();
        }
        if (o instanceof Number n) {
            return b.setNumberValue(n.doubleValue()).build();
        }
        if (o instanceof Boolean bool) {
            return b.setBoolValue(bool).build();
        }
        if (o instanceof Map<?, ?> m) {
            Struct.Builder s = Struct.newBuilder();
            m.forEach((k, v) -> s.putFields(String.valueOf(k), toValue(v)));
            return b.setStructValue(s).build();
        }
        if (o instanceof List<?> l) {
            ListValue.Builder lb = ListValue.newBuilder();
            l.forEach(item -> lb.addValues(toValue(item)));
            return b.setListValue(lb).build();
        }
        return b.setStringValue(o.toString()).build();
    }

    static Object toJava(Value v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> v.getBoolValue();
            case NUMBER_VALUE -> v.getNumberValue();
            case STRING_VALUE -> UNKNOWN_VALUE.equals(v.getStringValue()) ? ResourceNode.UNKNOWN : v.getStringValue();
            case LIST_VALUE -> list(v.getListValue());
            case STRUCT_VALUE -> special(v.getStructValue());
        };
    }

    private static List<Object> list(ListValue l) {
        List<Object> out = new ArrayList<>(l.getValuesCount());
        for (Value item : l.getValuesList()) {
            out.add(toJava(item));
        }
        return out;
    }

    private static Object special(Struct s) {
        Value sig = s.getFieldsMap().get(SIG_KEY);
        if (sig == null) {
            return toMap(s);
        }
        return switch (sig.getStringValue()) {
            case SECRET_SIG -> ResourceNode.SECRET;
            case RESOURCE_SIG -> {
                Value urn = s.getFieldsMap().get("urn");
                yield urn == null ? ResourceNode.UNKNOWN : urn.getStringValue();
            }
            default -> toMap(s);
        };
    }
}
