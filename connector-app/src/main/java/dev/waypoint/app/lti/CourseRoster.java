package dev.waypoint.app.lti;

import java.util.List;

/**
 * The learners of a course as the platform's roster names them (Names and Role Provisioning Services
 * 2.0), resolved to people of the session's tenant. Empty when the platform offers no roster service.
 */
public interface CourseRoster {

    List<String> learners(LtiSession session);
}
