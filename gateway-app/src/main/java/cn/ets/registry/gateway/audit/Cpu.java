package cn.ets.registry.gateway.audit;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** The process's CPU time, for the share of it an audit spends on signatures. */
final class Cpu {
    private Cpu() {}

    static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
