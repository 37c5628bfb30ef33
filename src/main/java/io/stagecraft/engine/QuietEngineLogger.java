package io.stagecraft.engine;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The engine log of an offline run. The SDK's logger chains every debug message (several per resource) onto one
 * asynchronous, lock-guarded task and registers it with the runner; offline, nobody reads debug messages, so they
 * are dropped, and warnings and errors are kept in memory.
 */
final class QuietEngineLogger implements EngineLogger {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private final AtomicInteger errors = new AtomicInteger();
    private final Queue<String> warnings = new ConcurrentLinkedQueue<>();
    private final Queue<String> errorMessages = new ConcurrentLinkedQueue<>();

    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, Resource resource, Integer streamId,
                                            Boolean ephemeral) {
        record(level, message);
        return DONE;
    }

    private void record(Level level, String message) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            errors.incrementAndGet();
            errorMessages.add(message);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            warnings.add(message);
        }
    }

    @Override
    public int getErrorCount() {
        return errors.get();
    }

    @Override
    public boolean hasLoggedErrors() {
        return errors.get() > 0;
    }

    List<String> errors() {
        return List.copyOf(errorMessages);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * {@code ctx.log()} goes through the test harness's own logger, which writes to java.util.logging first: this
     * handler keeps its warnings and errors too.
     */
    Handler handler() {
        return new Handler() {
            @Override
            public void publish(LogRecord r) {
                record(r.getLevel(), r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
