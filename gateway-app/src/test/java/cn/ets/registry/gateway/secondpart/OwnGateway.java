package cn.ets.registry.gateway.secondpart;

import cn.ets.registry.gateway.testing.SharedGateway;

/**
 * One embedded gateway (no fsync) for the HTTP tests of the second part of the contract, apart
 * from the run-wide {@code SharedGateway}: these tests close compliance year 2025 and change the
 * 2023 parameters, which must not reach other suites' registries.
 */
public final class OwnGateway extends SharedGateway {
    public OwnGateway() {
        super("registry-part2-", false);
    }
}
