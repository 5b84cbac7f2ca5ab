package dev.waypoint.core.engine;

import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.evidence.EvidenceMapper;
import dev.waypoint.core.evidence.EvidenceMapper.Mapping;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.PersonRepository.Resolution;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Taxonomy;

import java.time.Clock;

/**
 * The core steps of the evidence pipeline for one signal: map it to skills, resolve the actor to a
 * person, store it unless its natural key is already stored. Mapping comes first so that a signal
 * nobody can use creates no person.
 */
public final class EvidenceIngest {

    private final ActiveTaxonomy taxonomy;
    private final PersonRepository people;
    private final EvidenceRepository evidence;
    private final EvidenceMapper mapper;
    private final Clock clock;

    public EvidenceIngest(ActiveTaxonomy taxonomy, PersonRepository people, EvidenceRepository evidence,
                          EvidenceMapper mapper, Clock clock) {
        this.taxonomy = taxonomy;
        this.people = people;
        this.evidence = evidence;
        this.mapper = mapper;
        this.clock = clock;
    }

    public IngestOutcome ingest(LearningSignal signal) {
        if (signal.identities().isEmpty()) {
            throw new UnmappedSignalException("the signal names no identity for its actor");
        }
        Taxonomy current = taxonomy.require();
        Mapping mapping = mapper.map(signal, current);
        if (mapping instanceof Mapping.Unmapped unmapped) {
            throw new UnmappedSignalException(unmapped.reason());
        }
        Resolution resolution = people.resolve(signal.tenantId(), signal.identities(), signal.actorName());
        Evidence candidate = signal.toEvidence(resolution.person().id(), ((Mapping.Mapped) mapping).grants(), clock.instant());
        if (evidence.insertIfAbsent(candidate)) {
            return IngestOutcome.of(candidate, true, resolution.person(), resolution.created());
        }
        Evidence existing = evidence.findByNaturalKey(signal.tenantId(), candidate.naturalKey()).orElse(candidate);
        return IngestOutcome.of(existing, false, resolution.person(), resolution.created());
    }
}
