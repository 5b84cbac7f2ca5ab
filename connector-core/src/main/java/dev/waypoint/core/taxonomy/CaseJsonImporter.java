package dev.waypoint.core.taxonomy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Imports the skills of a 1EdTech CASE 1.1 package (the JSON of a {@code CFPackage}: {@code CFDocument},
 * {@code CFItems}, {@code CFAssociations}) as a taxonomy, so an organisation that keeps its competency
 * framework in a CASE tool does not retype it. Items become skills, {@code hasSkillLevel} gives them
 * their levels (ordered by {@code precedes}), {@code isChildOf} their family; see
 * {@code docs/taxonomy-format.md}. Like the YAML loader it answers a taxonomy or every problem at once.
 * CASE packages are usually minified, so problems name the JSON path; broken JSON also gives its line
 * and column.
 */
public final class CaseJsonImporter {

    /** Strict about what JSON itself leaves open, so a damaged export is caught rather than half read. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public TaxonomyLoadResult importPackage(String fileName, String json) {
        Problems problems = new Problems(fileName);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException broken) {
            JsonLocation at = broken.getLocation();
            problems.add(at == null ? Place.nowhere("") : new Place(at.getLineNr(), at.getColumnNr(), ""),
                    "this is not valid JSON: " + broken.getOriginalMessage());
            return TaxonomyLoadResult.failed(problems.inFileOrder());
        }
        if (root == null || root.isMissingNode()) {
            problems.add(new Place(1, 1, ""), "the file is empty");
            return TaxonomyLoadResult.failed(problems.inFileOrder());
        }
        CasePackage casePackage = new CasePackageReader(problems).read(root);
        List<Skill> skills = casePackage == null ? List.of() : new CaseSkillMapping(problems).skills(casePackage);
        if (problems.any()) {
            return TaxonomyLoadResult.failed(problems.inFileOrder());
        }
        return TaxonomyLoadResult.loaded(new Taxonomy(casePackage.version(), skills, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of()));
    }

    /** Reads UTF-8 JSON from the stream (which the caller closes) and imports it. */
    public TaxonomyLoadResult importPackage(String fileName, InputStream json) throws IOException {
        byte[] bytes = json.readNBytes(TaxonomyYamlLoader.MAX_BYTES + 1);
        if (bytes.length > TaxonomyYamlLoader.MAX_BYTES) {
            Problems problems = new Problems(fileName);
            problems.add(Place.nowhere(""), "the file is larger than "
                    + TaxonomyYamlLoader.MAX_BYTES / (1024 * 1024) + " MB");
            return TaxonomyLoadResult.failed(problems.inFileOrder());
        }
        return importPackage(fileName, new String(bytes, StandardCharsets.UTF_8));
    }
}
