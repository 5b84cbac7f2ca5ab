package dev.waypoint.core.taxonomy;

import java.util.List;
import java.util.Objects;

/** A career track: its roles in ladder order, and the lateral moves that leave it. */
public record CareerTrack(String id, String name, List<String> roleIds, List<LateralMove> lateralMoves) {

    public CareerTrack {
        Objects.requireNonNull(id, "id");
        roleIds = List.copyOf(roleIds);
        lateralMoves = List.copyOf(lateralMoves);
    }
}
