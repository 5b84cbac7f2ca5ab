package dev.waypoint.app.console;

import dev.waypoint.app.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A console test that starts signed in as the admin, with the admin API at hand to create and check data. */
abstract class SignedInConsole extends ConsoleServer {

    @LocalServerPort
    int port;

    ApiClient api;
    ConsoleSession admin;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        admin = new ConsoleSession(port);
        admin.signIn(ApiClient.ADMIN_TOKEN);
    }
}
