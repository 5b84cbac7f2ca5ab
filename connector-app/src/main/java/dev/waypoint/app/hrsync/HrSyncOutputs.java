package dev.waypoint.app.hrsync;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.hrsync.BatchOutput;
import dev.waypoint.core.hrsync.RunOutput;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the outputs a tenant's configuration asks for: HTTP per batch, files (then SFTP) per run. */
class HrSyncOutputs {

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final Clock clock;

    HrSyncOutputs(OkHttpClient http, ObjectMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    List<BatchOutput> batchOutputs(HrSyncProperties.Tenant tenant) {
        List<BatchOutput> outputs = new ArrayList<>();
        if (tenant.http() != null && tenant.http().url() != null && !tenant.http().url().isBlank()) {
            if (tenant.http().secret() == null || tenant.http().secret().isBlank()) {
                throw new IllegalStateException("waypoint.hr-sync: the HR endpoint needs a signing secret");
            }
            outputs.add(new HttpBatchOutput(http, tenant.http()));
        }
        return outputs;
    }

    List<RunOutput> runOutputs(HrSyncProperties.Tenant tenant) {
        List<RunOutput> outputs = new ArrayList<>();
        if (tenant.files() != null && tenant.files().directory() != null && !tenant.files().directory().isBlank()) {
            FileRunOutput files = new FileRunOutput(Path.of(tenant.files().directory()), json, clock);
            outputs.add(files);
            if (tenant.sftp() != null && tenant.sftp().host() != null && !tenant.sftp().host().isBlank()) {
                outputs.add(new SftpRunOutput(files.directory(), tenant.sftp()));
            }
        } else if (tenant.sftp() != null && tenant.sftp().host() != null) {
            throw new IllegalStateException("waypoint.hr-sync: SFTP sends the files output; set files.directory too");
        }
        return outputs;
    }
}
