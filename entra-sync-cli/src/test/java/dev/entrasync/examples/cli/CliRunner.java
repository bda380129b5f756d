package dev.entrasync.examples.cli;

import dev.entrasync.testkit.SimulatedCloud;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the CLI as a person would: in this JVM (stdout and stderr captured), or as a new {@code java} process with its own environment. */
final class CliRunner {

    /** What a run printed and returned. */
    record Run(int exit, String out, String err) {}

    private CliRunner() {}

    /** Runs {@code Main.run(args)} here, capturing standard output and error. */
    static synchronized Run here(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * Runs {@code sync} against {@code cloud} in a new process, the client secret in the environment variable
     * {@code TEST_CLIENT_SECRET}, into database {@code db} with key file {@code keyFile}, plus {@code extra}.
     */
    static Run syncSimulated(
            SimulatedCloud cloud, String clientId, String secret, String db, Path keyFile, String... extra) {
        return process(
                Map.of("TEST_CLIENT_SECRET", secret),
                List.of(),
                Main.class.getName(),
                syncArguments(cloud, clientId, db, keyFile, extra).toArray(String[]::new));
    }

    /**
     * The arguments of {@code sync} against {@code cloud} with the client secret read from the environment variable
     * {@code TEST_CLIENT_SECRET}, into database {@code db} with key file {@code keyFile}, plus {@code extra}.
     */
    static List<String> syncArguments(SimulatedCloud cloud, String clientId, String db, Path keyFile, String... extra) {
        return syncArguments(cloud, clientId, List.of("--client-secret-env", "TEST_CLIENT_SECRET"), db, keyFile, extra);
    }

    /**
     * The arguments of {@code sync} against {@code cloud} with these credential flags (a secret's environment
     * variable or a certificate file), into database {@code db} with key file {@code keyFile}, plus {@code extra}.
     */
    static List<String> syncArguments(
            SimulatedCloud cloud, String clientId, List<String> credential, String db, Path keyFile, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "sync",
                "--cloud",
                "custom",
                "--login-url",
                cloud.loginUrl(),
                "--graph-url",
                cloud.graphUrl() + "/v1.0",
                "--client-id",
                clientId));
        args.addAll(credential);
        args.addAll(List.of("--db", db, "--key-file", keyFile.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    /** Runs {@code java [jvmArgs] <main> args} with these extra environment variables, on this test's class path. */
    static Run process(Map<String, String> env, List<String> jvmArgs, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", classPath()));
        command.addAll(jvmArgs);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> copy(process.getErrorStream(), stderr));
            drain.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the CLI did not finish in 5 minutes: " + command);
            }
            drain.join();
            return new Run(process.exitValue(), out, stderr.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire's class path (its manifest-only jar, or the plain path). */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value printed for each label (tenants as "tenant NAME"), until "Serving until killed." */
    static Map<String, String> readUntilServing(Process sim) throws IOException {
        Map<String, String> printed = new HashMap<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("Serving until killed")) {
                return printed;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ")) {
                String label = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                printed.put(label.equals("tenant") ? "tenant " + value.split("\\s+", 3)[2] : label, value);
            }
        }
        throw new IllegalStateException("SimulatedCloudMain stopped before serving: " + printed);
    }
}
