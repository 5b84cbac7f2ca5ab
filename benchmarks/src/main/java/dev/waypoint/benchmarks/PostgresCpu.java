package dev.waypoint.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far by an embedded PostgreSQL server (Linux /proc): the postmaster's own and its
 * reaped children's, plus every live child's (the backends, the writers). The database's share of a
 * sync's work, which the JVM's CPU time does not include.
 */
final class PostgresCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private PostgresCpu() {
    }

    static long nanos(Path dataDirectory) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            long ticks = ticks(postmaster, true);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    List<String> stat = stat(p);
                    if (stat != null && Long.parseLong(stat.get(1)) == postmaster) {
                        ticks += Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
                    }
                }
            }
            return Math.round(ticks / TICKS_PER_SECOND * 1e9);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ticks(long pid, boolean withReapedChildren) throws IOException {
        List<String> stat = stat(Path.of("/proc", Long.toString(pid)));
        if (stat == null) {
            return 0;
        }
        long own = Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
        return withReapedChildren ? own + Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14)) : own;
    }

    /** The fields of /proc/<pid>/stat after the command name: index 0 is the state, 1 the parent pid, 11–14 utime, stime, cutime, cstime. */
    private static List<String> stat(Path process) {
        try {
            String text = Files.readString(process.resolve("stat"));
            return List.of(text.substring(text.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
