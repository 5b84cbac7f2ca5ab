package dev.waypoint.core.taxonomy;

import org.yaml.snakeyaml.nodes.Node;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the top level of a taxonomy file: the required {@code version} and each section, by handing it
 * to the reader of that section. Every section is optional, so a file can start with the career
 * tracks HR already has and grow from there.
 */
final class TaxonomyDocumentReader {

    static final List<String> SECTIONS = List.of("version", SkillSectionReader.SECTION,
            CareerTrackSectionReader.SECTION, FrameworkSectionReader.SECTION, BlueprintSectionReader.SECTION,
            AssetSectionReader.SECTION, EvidenceRuleSectionReader.SECTION);

    private final IdIndex index;
    private final Problems problems;

    TaxonomyDocumentReader(IdIndex index, Problems problems) {
        this.index = index;
        this.problems = problems;
    }

    TaxonomyDraft read(Node root) {
        YamlValue document = new YamlValue(root, "", problems);
        if (!document.isMap()) {
            document.problem("a taxonomy file is a map of sections (version, skills, career_tracks, ...), found "
                    + document.describe());
            return null;
        }
        YamlObject top = document.object();
        top.allowOnly(SECTIONS);
        String version = top.requiredText("version");
        List<Skill> skills = section(top, SkillSectionReader.SECTION, new SkillSectionReader(index)::read);
        CareerTrackSectionReader.Tracks tracks = top.field(CareerTrackSectionReader.SECTION)
                .map(new CareerTrackSectionReader(index, problems)::read)
                .orElse(new CareerTrackSectionReader.Tracks(List.of(), List.of()));
        List<CompetencyFramework> frameworks = section(top, FrameworkSectionReader.SECTION,
                new FrameworkSectionReader(index)::read);
        List<RoleBlueprint> blueprints = section(top, BlueprintSectionReader.SECTION,
                new BlueprintSectionReader(index)::read);
        AssetSectionReader.Assets assets = top.field(AssetSectionReader.SECTION)
                .map(new AssetSectionReader(index)::read)
                .orElse(new AssetSectionReader.Assets(List.of(), Map.of()));
        List<EvidenceRule> rules = section(top, EvidenceRuleSectionReader.SECTION,
                new EvidenceRuleSectionReader(index)::read);
        return new TaxonomyDraft(version, skills, tracks.tracks(), tracks.roles(), frameworks, blueprints,
                assets.assets(), rules, assets.prerequisitePlaces());
    }

    private static <T> List<T> section(YamlObject top, String name, Function<YamlValue, List<T>> reader) {
        return top.field(name).map(reader).orElse(List.of());
    }
}
