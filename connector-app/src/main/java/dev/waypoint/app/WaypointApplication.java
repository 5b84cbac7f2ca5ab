package dev.waypoint.app;

import dev.waypoint.app.hrsync.HrSyncCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Waypoint server: LTI tool, evidence listeners, skills engine and admin API in one process. */
// No default in-memory user: it would log a generated password and open a login nobody uses.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class WaypointApplication {

    public static void main(String[] args) {
        if (HrSyncCommand.requested(args)) {
            System.exit(HrSyncCommand.run(args, System.out));
        }
        SpringApplication.run(WaypointApplication.class, args);
    }
}
