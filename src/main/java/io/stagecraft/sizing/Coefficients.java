package io.stagecraft.sizing;

import java.util.EnumMap;
import java.util.Map;

/** The model's numbers: defaults from the scaling guides, overridable one by one (tests vary them). */
public final class Coefficients {
    private final EnumMap<Coefficient, Double> values;

    private Coefficients(EnumMap<Coefficient, Double> values) {
        this.values = values;
    }

    public static Coefficients defaults() {
        EnumMap<Coefficient, Double> m = new EnumMap<>(Coefficient.class);
        for (Coefficient c : Coefficient.values()) {
            m.put(c, c.defaultValue());
        }
        return new Coefficients(m);
    }

    public double get(Coefficient c) {
        return values.get(c);
    }

    /** A copy with one coefficient changed. */
    public Coefficients with(Coefficient c, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(c + " must be a finite number >= 0, got " + value);
        }
        EnumMap<Coefficient, Double> m = new EnumMap<>(values);
        m.put(c, value);
        return new Coefficients(m);
    }
}
