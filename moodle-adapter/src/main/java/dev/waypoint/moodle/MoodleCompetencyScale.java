package dev.waypoint.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Moodle competency framework as write-back needs it: competency ids by idnumber, and the scale value
 * that means "proficient". {@code scaleconfiguration} comes as a JSON <em>string</em>
 * ({@code "[{\"scaleid\":\"2\"},{\"id\":2,\"scaledefault\":1,\"proficient\":1}]"}): the first element names
 * the scale, the others mark scale values; a verified skill is rated with the lowest proficient value.
 * Read once per site and framework, then kept.
 */
final class MoodleCompetencyScale {

    record Framework(long id, int proficientGrade, Map<String, Long> competencyIds) {
    }

    private final Map<String, Framework> cache = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    Framework framework(MoodleClient client, long frameworkId) {
        String key = client.site().baseUrl() + "#" + frameworkId;
        Framework known = cache.get(key);
        if (known != null) {
            return known;
        }
        JsonNode framework = client.readCompetencyFramework(frameworkId);
        int proficient = proficientGrade(framework.path("scaleconfiguration").asText("[]"));
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode competency : client.listCompetencies(frameworkId)) {
            ids.put(competency.path("idnumber").asText(), competency.path("id").asLong());
        }
        Framework read = new Framework(frameworkId, proficient, Map.copyOf(ids));
        cache.put(key, read);
        return read;
    }

    static int proficientGrade(String scaleConfiguration) {
        try {
            int lowest = Integer.MAX_VALUE;
            for (JsonNode item : new ObjectMapper().readTree(scaleConfiguration)) {
                if (item.has("id") && item.path("proficient").asInt(0) == 1) {
                    lowest = Math.min(lowest, item.path("id").asInt());
                }
            }
            if (lowest == Integer.MAX_VALUE) {
                throw new MoodleError(MoodleError.Kind.MOODLE_EXCEPTION, "core_competency_read_competency_framework",
                        null, "the framework's scale marks no value as proficient: set one in Moodle", null);
            }
            return lowest;
        } catch (JsonProcessingException e) {
            throw new MoodleError(MoodleError.Kind.MOODLE_EXCEPTION, "core_competency_read_competency_framework",
                    null, "scaleconfiguration is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
