package dev.waypoint.app.api;

import dev.waypoint.app.config.WaypointProperties;
import dev.waypoint.app.taxonomy.TaxonomyImport;
import dev.waypoint.core.store.TaxonomyRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.taxonomy.TaxonomyLoadResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Loading and reading the skill taxonomy. */
@RestController
@RequestMapping("/api/v1/taxonomy")
@Tag(name = "Taxonomy", description = "Load the skill taxonomy (YAML) and read the one in force")
public class TaxonomyController {

    private final TaxonomyImport taxonomyImport;
    private final ActiveTaxonomy active;
    private final TaxonomyRepository versions;
    private final WaypointProperties properties;

    public TaxonomyController(TaxonomyImport taxonomyImport, ActiveTaxonomy active, TaxonomyRepository versions,
                              WaypointProperties properties) {
        this.taxonomyImport = taxonomyImport;
        this.active = active;
        this.versions = versions;
        this.properties = properties;
    }

    @Operation(summary = "Load a taxonomy",
            description = "Validates the YAML completely. Valid: stored as a new version and put in force (201). "
                    + "Invalid: 422 with every problem (file, line, column, path, message); nothing changes.")
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<Summary> load(@RequestParam(defaultValue = "taxonomy.yaml") String fileName,
                                        HttpServletRequest request) throws IOException {
        return answer(fileName, taxonomyImport.importYaml(fileName, readBody(request)));
    }

    @Operation(summary = "Load a taxonomy from a 1EdTech CASE 1.1 package",
            description = "A CFPackage (CFItems, CFAssociations isChildOf / precedes / hasSkillLevel) as JSON. "
                    + "Answers like the YAML load.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Summary> loadCase(@RequestParam(defaultValue = "case-package.json") String fileName,
                                            HttpServletRequest request) throws IOException {
        return answer(fileName, taxonomyImport.importCase(fileName, readBody(request)));
    }

    private static ResponseEntity<Summary> answer(String fileName, TaxonomyLoadResult result) {
        if (!result.ok()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid taxonomy",
                    result.problems().size() + " problem(s) in " + fileName + "; nothing was loaded",
                    result.problems().stream().map(p -> new FieldProblem(
                            p.path(), "line " + p.line() + ", column " + p.column() + ": " + p.message())).toList(),
                    Map.of("problems", result.problems()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Summary.of(result.taxonomy()));
    }

    @Operation(summary = "The taxonomy in force, summarised")
    @GetMapping
    public Summary current() {
        return Summary.of(active.require());
    }

    @Operation(summary = "Every stored taxonomy version, newest first")
    @GetMapping("/versions")
    public List<Version> versions() {
        return versions.versions().stream()
                .map(v -> new Version(v.version(), v.format(), v.checksum(), v.loadedAt(), v.active()))
                .toList();
    }

    @Operation(summary = "The roles of the taxonomy in force, with their requirements")
    @GetMapping("/roles")
    public List<Role> roles() {
        return List.copyOf(active.require().roles().values());
    }

    private String readBody(HttpServletRequest request) throws IOException {
        long limit = properties.maxTaxonomyBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        if (body.length == 0) {
            throw ApiException.badRequest("body", "the request body is empty; send the taxonomy YAML");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("body", "the taxonomy is not valid UTF-8 text");
        }
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Taxonomy too large",
                "the taxonomy is larger than the " + limit + " bytes accepted (waypoint.max-taxonomy-bytes)",
                List.of(new FieldProblem("body", "larger than " + limit + " bytes")), Map.of());
    }

    /** What a loaded taxonomy holds. */
    public record Summary(String version, int skills, int tracks, int roles, int frameworks, int blueprints,
                          int learningAssets, int evidenceRules) {
        static Summary of(Taxonomy t) {
            return new Summary(t.version(), t.skills().size(), t.tracks().size(), t.roles().size(),
                    t.frameworks().size(), t.blueprints().size(), t.assets().size(), t.rules().size());
        }
    }

    /** One stored version. */
    public record Version(String version, String format, String checksum, Instant loadedAt, boolean active) {
    }
}
