package io.stagecraft.engine;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Replaces the SDK's default runner for offline runs. The default runner finds out when a program is done by
 * polling its map of in-flight tasks in a self-rescheduling loop, and on every turn (and for every task it
 * registers) formats that whole map into a log string, whatever the log level: string building that grows with the
 * square of the program's size. This runner only counts tasks: it is done when the program has returned and no task
 * is pending (checked again after a millisecond, for tasks registered by the last completion's callbacks). The first
 * failing task fails the run.
 */
final class CountingRunner implements Runner {
    private final EngineLogger logger;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong registered = new AtomicLong();
    private final Queue<Exception> exceptions = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean programReturned;

    CountingRunner(EngineLogger logger) {
        this.logger = logger;
    }

    @Override
    public <T> void registerTask(String name, CompletableFuture<T> task) {
        registered.incrementAndGet();
        pending.incrementAndGet();
        task.whenComplete((value, error) -> {
            if (error != null) {
                fail(error);
            }
            if (pending.decrementAndGet() == 0) {
                finishIfIdle();
            }
        });
    }

    private void fail(Throwable t) {
        Throwable cause = (t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null
                ? t.getCause() : t;
        Exception e = cause instanceof Exception ex ? ex : new RuntimeException(cause);
        // the same failure reaches us through every task that depends on it: keep it once
        if (exceptions.stream().noneMatch(x -> x == e)) {
            exceptions.add(e);
        }
        done.completeExceptionally(e);
    }

    private void finishIfIdle() {
        if (!programReturned || done.isDone()) {
            return;
        }
        long seen = registered.get();
        CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS).execute(() -> {
            if (pending.get() == 0 && registered.get() == seen) {
                done.complete(null);
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> program) {
        CompletableFuture<T> main = ContextAwareCompletableFuture.supplyAsync(program);
        CompletableFuture<T> whole = main.thenCompose(value -> {
            programReturned = true;
            if (pending.get() == 0) {
                finishIfIdle();
            }
            return done.thenApply(ignored -> value);
        });
        registerTask("program", main);
        return whole.handle((value, error) -> {
            if (error != null) {
                if (exceptions.isEmpty()) {
                    fail(error);
                }
                return new CountedResult<>(ProcessExitedBeforeLoggingUserActionableMessage, List.copyOf(exceptions),
                        Optional.empty());
            }
            int code = logger.hasLoggedErrors() ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully;
            return new CountedResult<>(code, List.copyOf(exceptions), Optional.ofNullable(value));
        });
    }

    /** The SDK's Result has a protected constructor. */
    private static final class CountedResult<T> extends Result<T> {
        CountedResult(int exitCode, List<Exception> exceptions, Optional<T> result) {
            super(exitCode, exceptions, result);
        }
    }
}
