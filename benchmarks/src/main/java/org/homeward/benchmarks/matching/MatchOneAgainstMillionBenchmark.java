package org.homeward.benchmarks.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.homeward.matching.engine.CandidateIndex;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.MatchModel;
import org.homeward.matching.engine.Matcher;
import org.homeward.matching.engine.ScoredPair;
import org.homeward.matching.engine.SyntheticProfiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of matching one new record against an index of a million records ({@link Matcher#matchAgainstIndex}), in
 * {@link Mode#SampleTime} so that JMH reports the percentiles (p50, p95, p99) of single calls. Target: p95 at most 10
 * ms with the index in at most 2 GB of heap.
 *
 * <p>The index holds {@code records} obviously synthetic profiles ({@link SyntheticProfiles}, seed 1), built once per
 * fork in {@link #buildIndex()}, which also measures the heap the index takes (used heap after full collections,
 * before and after building, through {@link MemoryMXBean}), prints it and writes it to {@code index-heap.properties}
 * in the working directory. Queries alternate between records of the same children as indexed ones (the same seed,
 * new ids: each finds its match) and records of children not in the index (seed 2: candidates, seldom a match).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Threads(1)
public class MatchOneAgainstMillionBenchmark {

    private static final int QUERIES = 8192;

    /** Number of indexed records. */
    @Param("1000000")
    public int records;

    private Matcher matcher;
    private ChildProfile[] queries;
    private int next;

    @Setup(Level.Trial)
    public void buildIndex() {
        MatchModel model = MatchModel.load();
        long before = usedHeapAfterGc();
        var index = new CandidateIndex(model.maxBlockSize(), records);
        var indexed = new SyntheticProfiles(1);
        for (int i = 0; i < records; i++) {
            index.put(indexed.next("R" + i));
        }
        long after = usedHeapAfterGc();
        matcher = new Matcher(model, index);
        queries = queries(records);
        report(records, after - before, index.blocks(), index.purgedBlocks());
    }

    @Benchmark
    public List<ScoredPair> matchOneNewRecord() {
        ChildProfile query = queries[next];
        next = (next + 1) % queries.length;
        return matcher.matchAgainstIndex(query);
    }

    private static ChildProfile[] queries(int records) {
        var sameChildren = new SyntheticProfiles(1);
        var newChildren = new SyntheticProfiles(2);
        var queries = new ArrayList<ChildProfile>(QUERIES);
        // Re-generating seed 1 yields the indexed children in order; every stride-th is taken, spread over the index.
        int stride = Math.max(1, records / (QUERIES / 2));
        for (int i = 0; i < records && queries.size() < QUERIES; i++) {
            ChildProfile same = sameChildren.next("Q" + i);
            if (i % stride == 0) {
                queries.add(same);
                queries.add(newChildren.next("N" + i));
            }
        }
        return queries.toArray(ChildProfile[]::new);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Several collections: the last ones find nothing more to free, so the figure is the live heap.
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void report(int records, long indexBytes, int blocks, int purged) {
        String text = String.format(
                Locale.ROOT,
                "records=%d%nindexHeapBytes=%d%nindexHeapMiB=%.1f%nbytesPerRecord=%.0f%nblocks=%d%npurgedBlocks=%d%n",
                records,
                indexBytes,
                indexBytes / (1024.0 * 1024.0),
                indexBytes / (double) records,
                blocks,
                purged);
        System.out.printf(
                Locale.ROOT,
                "%nIndex of %,d records: %.1f MiB of heap (%.0f bytes per record)%n",
                records,
                indexBytes / (1024.0 * 1024.0),
                indexBytes / (double) records);
        try {
            Files.writeString(Path.of("index-heap.properties"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
