package io.stagecraft.sizing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an AI request does on the GPU; it decides how many requests one GPU serves. */
public enum AiWorkload {
    /** Embed the query and rerank retrieved candidates (search, recommendations, RAG retrieval without answers). */
    RETRIEVAL("retrieval", Coefficient.T4_RETRIEVAL_REQUESTS_PER_SECOND),
    /** Retrieval plus a generated answer from a small (7B, 4-bit) language model. */
    GENERATION("generation", Coefficient.T4_GENERATION_REQUESTS_PER_SECOND);

    private final String id;
    private final Coefficient capacity;

    AiWorkload(String id, Coefficient capacity) {
        this.id = id;
        this.capacity = capacity;
    }

    public String id() {
        return id;
    }

    /** AI requests per second one T4 serves at full use. */
    public Coefficient capacity() {
        return capacity;
    }

    public static Optional<AiWorkload> fromId(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(w -> w.id.equals(wanted)).findFirst();
    }

    public static String allowedIds() {
        return String.join(" | ", Arrays.stream(values()).map(AiWorkload::id).toList());
    }
}
