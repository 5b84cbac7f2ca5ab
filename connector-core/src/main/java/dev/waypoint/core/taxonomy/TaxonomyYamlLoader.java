package dev.waypoint.core.taxonomy;

import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Loads a taxonomy from its YAML file (the format is described in {@code docs/taxonomy-format.md}).
 * The answer is either a taxonomy in which every reference resolves, or every problem of the file at
 * once, each with its line, column and field path, so that an admin fixes the file in one round. A
 * file with any problem loads nothing. Broken YAML is a problem like any other, never an exception.
 */
public final class TaxonomyYamlLoader {

    /** Bigger than any real taxonomy by far; reading stops there rather than filling memory. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    public TaxonomyLoadResult load(String fileName, String yamlText) {
        Problems problems = new Problems(fileName);
        Optional<Node> root = YamlTreeParser.parse(yamlText, problems);
        if (root.isEmpty()) {
            return TaxonomyLoadResult.failed(problems.inFileOrder());
        }
        IdIndex index = new IdIndex();
        TaxonomyDraft draft = new TaxonomyDocumentReader(index, problems).read(root.get());
        if (draft == null) {
            return TaxonomyLoadResult.failed(problems.inFileOrder());
        }
        new ReferenceCheck(index, problems).run();
        new PrerequisiteCycleCheck(problems).run(draft.assets(), draft.prerequisitePlaces());
        if (problems.any()) {
            return TaxonomyLoadResult.failed(problems.inFileOrder());
        }
        return TaxonomyLoadResult.loaded(new Taxonomy(draft.version(), draft.skills(), draft.tracks(),
                FrameworkRequirementMerge.apply(draft.roles(), draft.frameworks()), draft.frameworks(),
                draft.blueprints(), draft.assets(), draft.rules()));
    }

    /** Reads UTF-8 text from the stream (which the caller closes) and loads it. */
    public TaxonomyLoadResult load(String fileName, InputStream yaml) throws IOException {
        byte[] bytes = yaml.readNBytes(MAX_BYTES + 1);
        Problems problems = new Problems(fileName);
        if (bytes.length > MAX_BYTES) {
            problems.add(Place.nowhere(""), "the file is larger than " + MAX_BYTES / (1024 * 1024)
                    + " MB; a taxonomy is normally well under 1 MB");
            return TaxonomyLoadResult.failed(problems.inFileOrder());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return load(fileName, text);
        } catch (CharacterCodingException notUtf8) {
            problems.add(Place.nowhere(""), "the file is not UTF-8 text; save it as UTF-8 and upload it again");
            return TaxonomyLoadResult.failed(problems.inFileOrder());
        }
    }
}
