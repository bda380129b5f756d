package dev.entrasync.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a side in a child JVM with its own heap limit (same class path, same Java), so the side's
 * peak heap is its own and not the simulated cloud's. The child's output goes to this process's.
 */
final class ChildJvm {

    /** System property with extra JVM arguments for the side JVMs (a profiler, GC logging), split on spaces. */
    static final String EXTRA_JVM_ARGS = "entrasync.benchmark.childJvmArgs";

    private ChildJvm() {}

    /** Runs {@link SideMain} on {@code spec} with {@code -Xmx<heap>}; returns its result. */
    static SideResult run(SideSpec spec, String heap, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path specFile = Files.createTempFile(workDir, spec.side() + "-", ".json");
        Json.write(specFile, spec);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseG1GC");
        String extra = System.getProperty(EXTRA_JVM_ARGS, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SideMain.class.getName());
        command.add(specFile.toString());
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        Path resultFile = SideMain.resultFile(specFile);
        if (exit != 0 || !Files.exists(resultFile)) {
            throw new IllegalStateException("the " + spec.side() + " side's JVM ended with exit code " + exit
                    + (exit != 0 && heap != null
                            ? " (with -Xmx" + heap + "; an OutOfMemoryError means it needs more)"
                            : "")
                    + "; its output is above");
        }
        SideResult result = Json.read(resultFile, SideResult.class);
        Files.deleteIfExists(specFile);
        Files.deleteIfExists(resultFile);
        return result;
    }
}
