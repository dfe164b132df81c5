package cn.ets.registry.gateway.ledger.fabric;

import cn.ets.registry.gateway.Registry;
import java.nio.file.Path;
import java.util.List;

/** Placeholder until the Fabric adapter lands (issue 3). */
public final class FabricSetup {
    private FabricSetup() {
    }

    public static Registry open(Path dataDir, Path networkJson, List<String> orgs) {
        throw new UnsupportedOperationException("the Fabric ledger adapter is not built yet");
    }
}
