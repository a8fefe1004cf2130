package io.midback.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Versions of the classes timed in turns in one JVM for {@code ./bench turns}, on a machine too busy for JMH to
 * tell them apart: each version in a class loader of its own, warmed up, then each round runs every version (in
 * alternating order) for a few passes and takes the thread's CPU time per sample; it prints each version's median
 * of the rounds. The version loaded second runs slower (by 10–50 % here), so {@code ./bench turns} swaps the
 * loading order every other run; with the project's classes on this JVM's own class path it ran up to twice as
 * slow, so they must not be there.
 *
 * <p>Arguments: {@code WORKLOAD ROUNDS PASSES WORKLOAD_CLASSES CLASSES_DIR...}, where WORKLOAD is a method of
 * {@link TurnsWorkload} ({@code posture} or {@code orientation}); the class path of this JVM holds the libraries.
 */
public final class Turns {
    private Turns() {
    }

    public static void main(String[] args) throws Exception {
        String workload = args[0];
        int rounds = Integer.parseInt(args[1]);
        int passes = Integer.parseInt(args[2]);
        Path workloadClasses = Path.of(args[3]);
        List<String> versions = Arrays.asList(args).subList(4, args.length);
        List<URL> libraries = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (p.endsWith(".jar")) {
                libraries.add(Path.of(p).toUri().toURL());
            }
        }
        List<Object> instances = new ArrayList<>();
        List<Method> methods = new ArrayList<>();
        for (String v : versions) {
            List<URL> urls = new ArrayList<>();
            urls.add(workloadClasses.toUri().toURL());
            urls.add(Path.of(v).toUri().toURL());
            urls.addAll(libraries);
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> c = loader.loadClass(TurnsWorkload.class.getName());
            instances.add(c.getConstructor().newInstance());
            methods.add(c.getMethod(workload));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 3; warm++) {
            for (int k = 0; k < methods.size(); k++) {
                for (int p = 0; p < passes; p++) {
                    methods.get(k).invoke(instances.get(k));
                }
            }
        }
        double[][] nsPerSample = new double[versions.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < methods.size(); i++) {
                int k = r % 2 == 0 ? i : methods.size() - 1 - i;
                long cpu0 = threads.getCurrentThreadCpuTime();
                long samples = 0;
                for (int p = 0; p < passes; p++) {
                    samples += (Integer) methods.get(k).invoke(instances.get(k));
                }
                nsPerSample[k][r] = (threads.getCurrentThreadCpuTime() - cpu0) / (double) samples;
            }
        }
        for (int k = 0; k < versions.size(); k++) {
            double[] s = nsPerSample[k].clone();
            Arrays.sort(s);
            // one line: workload, version, median ns per sample, min, max, load average
            System.out.printf(Locale.ROOT, "%s %s %.1f %.1f %.1f %s%n", workload, versions.get(k), s[s.length / 2],
                    s[0], s[s.length - 1], Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
    }
}
