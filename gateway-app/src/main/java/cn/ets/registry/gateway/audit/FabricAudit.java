package cn.ets.registry.gateway.audit;

import java.util.function.Consumer;

/** Audits a Fabric channel from its blocks (being written). */
final class FabricAudit {
    private FabricAudit() {}

    static AuditReport run(String source, int threads, Consumer<String> progress) {
        throw new IllegalArgumentException("Fabric sources are not readable yet: " + source);
    }
}
