-- A launch looks a deployment id up across all registrations of its issuer: Canvas cloud shares one
-- issuer among its customers, and a deployment id already recorded for another client is refused.
CREATE INDEX lti_deployment_by_id ON lti_deployment (deployment_id);
