package dev.waypoint.xapi.statement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The parts of a validated statement (xAPI 1.0.3 Data §2.4) that mapping reads, as records Jackson binds
 * from the statement tree. The raw JSON stays the record of what was sent; these records are read only
 * after {@link StatementValidator} passed it, so they do not re-check the rules.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record XapiStatement(String id, Agent actor, Verb verb, StatementObject object, Result result,
                            Context context, String timestamp) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agent(String objectType, String name, String mbox, @JsonProperty("mbox_sha1sum") String mboxSha1sum,
                        String openid, Account account) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String homePage, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verb(String id, Map<String, String> display) {
    }

    /** An Activity, Agent, Group, StatementRef or SubStatement; {@code id} is the activity IRI or the referenced statement id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatementObject(String objectType, String id, Definition definition) {

        public String type() {
            return objectType == null ? "Activity" : objectType;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Definition(String type, Map<String, String> name, Map<String, JsonNode> extensions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(Score score, Boolean success, Boolean completion, String response, String duration) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Score(Double scaled, Double raw, Double min, Double max) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Context(String registration, String platform, String language, Map<String, JsonNode> extensions) {
    }
}
