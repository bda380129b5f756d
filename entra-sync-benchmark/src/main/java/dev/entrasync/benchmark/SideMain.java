package dev.entrasync.benchmark;

import java.nio.file.Path;

/**
 * Runs one side in its own JVM, so its heap is measured alone: reads a {@link SideSpec}, syncs,
 * writes the {@link SideResult} next to it ({@code <spec>.result.json}).
 */
public final class SideMain {

    private SideMain() {}

    /** {@code SideMain <spec.json>}. */
    public static void main(String... args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SideMain <spec.json>");
        }
        Path specFile = Path.of(args[0]);
        SideSpec spec = Json.read(specFile, SideSpec.class);
        SideResult result;
        try (HeapSampler heap = new HeapSampler()) {
            result = spec.side().equals(SideSpec.NAIVE)
                    ? NaiveSide.run(spec, heap)
                    : EntraSyncSide.run(spec, new DiscardingSink(), heap);
        }
        Json.write(resultFile(specFile), result);
    }

    static Path resultFile(Path specFile) {
        return specFile.resolveSibling(specFile.getFileName() + ".result.json");
    }
}
