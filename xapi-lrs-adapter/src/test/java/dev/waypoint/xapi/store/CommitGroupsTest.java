package dev.waypoint.xapi.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitGroupsTest {

    private final List<List<List<StatementRow>>> transactions = new CopyOnWriteArrayList<>();
    private final List<String> transactionThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private CommitGroups groups;

    @AfterEach
    void close() {
        clients.shutdownNow();
        if (groups != null) {
            groups.close();
        }
    }

    /** A transaction that answers each request with its own statement ids, as newly stored. */
    private Function<List<List<StatementRow>>, List<JdbcStatementStore.BatchResult>> recording(CountDownLatch firstMayFinish) {
        return requests -> {
            transactions.add(requests);
            transactionThreads.add(Thread.currentThread().getName());
            if (transactions.size() == 1) {
                await(firstMayFinish);
            }
            return requests.stream()
                    .map(rows -> new JdbcStatementStore.BatchResult(rows.stream().map(StatementRow::statementId).toList(), null))
                    .toList();
        };
    }

    /** One writer, whose first transaction (one request, row "a") holds until {@code firstMayFinish}. */
    private CompletableFuture<JdbcStatementStore.BatchResult> firstTransactionHeld(CountDownLatch firstMayFinish, int maxRows)
            throws InterruptedException {
        groups = new CommitGroups(recording(firstMayFinish), 1, maxRows);
        CompletableFuture<JdbcStatementStore.BatchResult> first = send("a");
        awaitTransactions(1);
        return first;
    }

    private CompletableFuture<JdbcStatementStore.BatchResult> send(String... ids) {
        return CompletableFuture.supplyAsync(() -> groups.store(rows(ids)), clients);
    }

    @Test
    void requestsArrivingDuringATransactionShareTheNextOneAndEachGetsItsOwnOutcome() throws Exception {
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        CompletableFuture<JdbcStatementStore.BatchResult> first = firstTransactionHeld(firstMayFinish, 1_000);
        List<CompletableFuture<JdbcStatementStore.BatchResult>> later = new ArrayList<>();
        for (String id : List.of("b", "c", "d", "e")) {
            later.add(send(id, id + "2"));
        }
        awaitWaiting(4);
        firstMayFinish.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS).newlyStored()).containsExactly("a");
        for (int i = 0; i < later.size(); i++) {
            String id = List.of("b", "c", "d", "e").get(i);
            assertThat(later.get(i).get(5, TimeUnit.SECONDS).newlyStored()).containsExactly(id, id + "2");
        }
        assertThat(transactions).hasSize(2);
        assertThat(transactions.get(1)).hasSize(4);
        assertThat(transactionThreads).allSatisfy(name -> assertThat(name).startsWith("xapi-commit-"));
    }

    @Test
    void aGroupTakesNoMoreRequestsOnceItHoldsTheRowLimit() throws Exception {
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        CompletableFuture<JdbcStatementStore.BatchResult> first = firstTransactionHeld(firstMayFinish, 4);
        List<CompletableFuture<JdbcStatementStore.BatchResult>> later = new ArrayList<>();
        for (String id : List.of("b", "c", "d")) {
            later.add(send(id, id + "2", id + "3"));
            awaitWaiting(later.size());
        }
        firstMayFinish.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<JdbcStatementStore.BatchResult> request : later) {
            request.get(5, TimeUnit.SECONDS);
        }

        assertThat(transactions).hasSize(3);
        assertThat(transactions.get(1)).as("3 rows, then 3 more reach the limit of 4").hasSize(2);
        assertThat(transactions.get(2)).hasSize(1);
    }

    @Test
    void aTransactionThatFailsFailsEveryRequestInIt() {
        groups = new CommitGroups(requests -> {
            throw new IllegalStateException("database gone");
        }, 2, 1_000);

        assertThatThrownBy(() -> groups.store(rows("a"))).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThatThrownBy(() -> groups.store(rows("b"))).as("the writer survives a failed transaction")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onceClosedARequestStoresItsOwnRows() {
        groups = new CommitGroups(recording(new CountDownLatch(0)), 2, 1_000);
        groups.store(rows("a"));
        groups.close();

        JdbcStatementStore.BatchResult outcome = groups.store(rows("b"));

        assertThat(outcome.newlyStored()).containsExactly("b");
        assertThat(transactionThreads).hasSize(2);
        assertThat(transactionThreads.get(0)).as("either writer may take the first request").startsWith("xapi-commit-");
        assertThat(transactionThreads.get(1)).as("after close, the caller's own thread").isEqualTo(Thread.currentThread().getName());
    }

    static List<StatementRow> rows(String... ids) {
        List<StatementRow> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(new StatementRow("default", id, "hash-" + id, "mbox:mailto:a@example.com",
                    "http://adlnet.gov/expapi/verbs/completed", "https://lms.example.com/course/1", null, "{}", null,
                    "k", "1.0.3", Instant.parse("2026-06-01T00:00:00Z"), true));
        }
        return rows;
    }

    private void awaitTransactions(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (transactions.size() < n) {
            assertThat(System.nanoTime()).as("waiting for transaction " + n).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private void awaitWaiting(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (groups.waiting() < n) {
            assertThat(System.nanoTime()).as("waiting for " + n + " queued requests").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
