package dev.waypoint.app.xapi;

import dev.waypoint.app.support.ServerTest;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole server as {@link ServerTest} starts it, with https://moodle.example.com as a known Moodle site. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServerTest
@TestPropertySource(properties = {"waypoint.xapi.moodle-sites[0]=https://moodle.example.com", "waypoint.xapi.max-body-bytes=200000"})
@interface XapiServerTest {
}
