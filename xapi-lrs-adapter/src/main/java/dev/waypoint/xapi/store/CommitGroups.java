package dev.waypoint.xapi.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit for statement requests: the rows of requests that arrive while a transaction is under way wait,
 * and go together in the next one. A commit is the dearest part of storing a few statements (with {@code fsync}
 * on, each one waits for the disk), so many clients sending one statement each share commits instead of queueing
 * for them. Each request keeps its own outcome: its rows are stored all together or not at all, and a conflict in
 * one request refuses that request only ({@link JdbcStatementStore#storeGroup}).
 *
 * <p>A request's answer still waits for its transaction to commit: nothing is acknowledged before it is durable.
 * A few writer threads run the transactions; once they are stopped, a request writes its rows itself.
 */
final class CommitGroups implements AutoCloseable {

    private record Pending(List<StatementRow> rows, CompletableFuture<JdbcStatementStore.BatchResult> outcome) {
    }

    private final Function<List<List<StatementRow>>, List<JdbcStatementStore.BatchResult>> transaction;
    private final int maxRows;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final int writerCount;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;
    private volatile boolean started;

    /**
     * @param transaction stores the requests' rows in one transaction, answering each request's outcome in order
     * @param writers     how many transactions may be under way at once
     * @param maxRows     rows above which a group takes no more requests
     */
    CommitGroups(Function<List<List<StatementRow>>, List<JdbcStatementStore.BatchResult>> transaction, int writers, int maxRows) {
        this.transaction = transaction;
        this.maxRows = maxRows;
        this.writerCount = writers;
    }

    /** The writers start with the first request, so a store that is never written to holds no threads. */
    private synchronized void start() {
        if (started || !open) {
            return;
        }
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::write, "xapi-commit-" + (i + 1));
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
        started = true;
    }

    /** Stores one request's rows with whatever else is waiting; returns once they are committed, or refused. */
    JdbcStatementStore.BatchResult store(List<StatementRow> rows) {
        if (!open) {
            return transaction.apply(List.of(rows)).get(0);
        }
        if (!started) {
            start();
        }
        Pending pending = new Pending(rows, new CompletableFuture<>());
        queue.add(pending);
        if (!open && queue.remove(pending)) {
            // Closed between the check and the add: no writer will come for it.
            return transaction.apply(List.of(rows)).get(0);
        }
        try {
            return pending.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while statements were being stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Requests queued and not yet taken by a writer. */
    int waiting() {
        return queue.size();
    }

    private void write() {
        List<Pending> group = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int rows = first.rows().size();
                Pending next;
                while (rows < maxRows && (next = queue.poll()) != null) {
                    group.add(next);
                    rows += next.rows().size();
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        try {
            List<JdbcStatementStore.BatchResult> outcomes = transaction.apply(group.stream().map(Pending::rows).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            // The transaction rolled back: every request in it is told, none is answered as stored.
            group.forEach(pending -> pending.outcome().completeExceptionally(e));
        }
    }

    /** Lets the writers finish what is queued, then stops them; later requests write their own rows. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            // No interrupt: it could break a transaction under way. A writer sees the flag within one poll.
            open = false;
            running = List.copyOf(writers);
        }
        for (Thread writer : running) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
