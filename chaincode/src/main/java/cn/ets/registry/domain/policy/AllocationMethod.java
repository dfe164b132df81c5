package cn.ets.registry.domain.policy;

/** How a sector's free allocation is computed in a vintage. */
public enum AllocationMethod {
    /** Output × category benchmark, with the power-sector corrections. */
    BENCHMARK,
    /** Allocation equals the verified emissions (steel, cement, aluminium in 2024). */
    VERIFIED_EMISSIONS
}
