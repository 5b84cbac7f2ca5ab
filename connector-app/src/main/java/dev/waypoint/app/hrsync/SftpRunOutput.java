package dev.waypoint.app.hrsync;

import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.OutputUnavailableException;
import dev.waypoint.core.hrsync.RunOutput;
import org.apache.sshd.sftp.client.SftpClient;
import org.springframework.integration.file.remote.session.CachingSessionFactory;
import org.springframework.integration.file.support.FileExistsMode;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;
import org.springframework.integration.sftp.session.SftpRemoteFileTemplate;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.expression.common.LiteralExpression;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a run's files (written by {@link FileRunOutput} just before) to an SFTP server through
 * spring-integration-sftp. Each file is uploaded under a temporary name and renamed, the manifest last,
 * so HR never picks up a half-copied file.
 */
final class SftpRunOutput implements RunOutput {

    private final Path localDirectory;
    private final HrSyncProperties.Sftp settings;

    SftpRunOutput(Path localDirectory, HrSyncProperties.Sftp settings) {
        this.localDirectory = localDirectory;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "sftp";
    }

    @Override
    public void write(HrSyncRun run, Batches batches) throws OutputUnavailableException {
        DefaultSftpSessionFactory factory = new DefaultSftpSessionFactory(true);
        factory.setHost(settings.host());
        factory.setPort(settings.port());
        factory.setUser(settings.user());
        factory.setPassword(settings.password());
        factory.setAllowUnknownKeys(true);
        SftpRemoteFileTemplate template = new SftpRemoteFileTemplate(new CachingSessionFactory<SftpClient.DirEntry>(factory));
        template.setRemoteDirectoryExpression(new LiteralExpression(settings.remoteDirectory()));
        template.setUseTemporaryFileName(true);
        template.setAutoCreateDirectory(true);
        try {
            template.afterPropertiesSet();
            for (Path file : RunFiles.of(run).in(localDirectory)) {
                if (!Files.exists(file)) {
                    throw new OutputUnavailableException("file " + file + " to copy over SFTP is missing");
                }
                File local = file.toFile();
                template.send(MessageBuilder.withPayload(local).build(), FileExistsMode.REPLACE);
            }
        } catch (OutputUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OutputUnavailableException("SFTP copy to " + settings.host() + ":" + settings.port()
                    + " failed: " + e.getMessage(), e);
        } finally {
            factory.destroy();
        }
    }
}
