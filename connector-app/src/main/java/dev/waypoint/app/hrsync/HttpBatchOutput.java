package dev.waypoint.app.hrsync;

import dev.waypoint.core.hrsync.BatchOutput;
import dev.waypoint.core.hrsync.HrSyncBatch;
import dev.waypoint.core.hrsync.OutputUnavailableException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Sends each batch to the HR endpoint as a signed JSON POST with its {@code Idempotency-Key}. 5xx, 429
 * and timeouts are retried with exponential backoff (Resilience4j); when the attempts run out the run
 * stops and resumes later with the same key. Any other 4xx is the receiver refusing this batch: it is
 * reported on the batch and not retried.
 */
final class HttpBatchOutput implements BatchOutput {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final HrSyncProperties.Http settings;
    private final Retry retry;

    HttpBatchOutput(OkHttpClient shared, HrSyncProperties.Http settings) {
        this.settings = settings;
        this.client = shared.newBuilder().callTimeout(settings.timeout()).readTimeout(settings.timeout()).build();
        this.retry = Retry.of("hr-endpoint", RetryConfig.<Answer>custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.firstBackoff(), 2.0))
                .retryOnResult(Answer::retryable)
                .retryOnException(e -> e instanceof IOException)
                .build());
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Delivery deliver(String tenantId, HrSyncBatch batch) throws OutputUnavailableException {
        byte[] body = batch.body().getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder()
                .url(settings.url())
                .post(RequestBody.create(body, JSON))
                .header("Idempotency-Key", batch.idempotencyKey())
                .header(BodySignature.HEADER, BodySignature.sign(body, settings.secret()))
                .build();
        Answer answer;
        try {
            answer = retry.executeCheckedSupplier(() -> send(request));
        } catch (InterruptedIOException e) {
            throw new OutputUnavailableException("HR endpoint did not answer batch " + batch.batchNo() + " in "
                    + settings.timeout().toSeconds() + " s after " + settings.maxAttempts() + " attempts", e);
        } catch (Throwable e) {
            throw new OutputUnavailableException("HR endpoint unreachable for batch " + batch.batchNo() + " after "
                    + settings.maxAttempts() + " attempts: " + e.getMessage(), e);
        }
        if (answer.accepted()) {
            return Delivery.ACCEPTED;
        }
        if (answer.retryable()) {
            throw new OutputUnavailableException("HR endpoint answered HTTP " + answer.status() + " to batch "
                    + batch.batchNo() + " " + settings.maxAttempts() + " times");
        }
        return Delivery.refused("HTTP " + answer.status() + (answer.detail().isEmpty() ? "" : ": " + answer.detail()));
    }

    private Answer send(Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            return new Answer(response.code(), text.length() > 300 ? text.substring(0, 300) : text);
        }
    }

    /** The endpoint's status and the start of its body (kept for the report). */
    private record Answer(int status, String detail) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }

        boolean retryable() {
            return status >= 500 || status == 429 || status == 408;
        }
    }
}
