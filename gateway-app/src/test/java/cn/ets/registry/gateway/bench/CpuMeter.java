package cn.ets.registry.gateway.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time used between {@link #start} and {@link #perOp}, per process group: this JVM (the gateway
 * and the benchmark's clients), and, given the network's runtime directory, its orderers, peers and
 * chaincode server (from {@code pids/NAME.pid} and /proc/PID/stat).
 */
final class CpuMeter {
    /** Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_MS = 0.1;

    private final Path pids;
    private Map<String, Double> started = Map.of();

    CpuMeter(Path runtime) {
        this.pids = runtime == null ? null : runtime.resolve("pids");
    }

    void start() {
        started = now();
    }

    /** Core-milliseconds per operation since {@link #start}, per group. */
    Map<String, Double> perOp(int ops) {
        Map<String, Double> end = now();
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        for (var e : end.entrySet()) {
            double ms = e.getValue() - started.getOrDefault(e.getKey(), 0.0);
            total += ms;
            out.put(e.getKey(), Math.round(ms / Math.max(1, ops) * 10) / 10.0);
        }
        out.put("all", Math.round(total / Math.max(1, ops) * 10) / 10.0);
        return out;
    }

    private Map<String, Double> now() {
        Map<String, Double> ms = new TreeMap<>();
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof OperatingSystemMXBean sun) {
            ms.put("gateway+clients", sun.getProcessCpuTime() / 1e6);
        }
        if (pids == null || !Files.isDirectory(pids)) {
            return ms;
        }
        try (var files = Files.list(pids)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                String name = f.getFileName().toString().replace(".pid", "");
                String group = name.startsWith("orderer") ? "orderers" : name.startsWith("peer") ? "peers" : name;
                ms.merge(group, ticks(Files.readString(f).trim()) / TICKS_PER_MS, Double::sum);
            }
        } catch (IOException e) {
            // the network went away: no figures for it
        }
        return ms;
    }

    /** utime + stime of a process, in clock ticks; 0 if it is gone. */
    private static double ticks(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Double.parseDouble(f[11]) + Double.parseDouble(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
