package cn.ets.registry.domain.policy;

/** How a sector's free allocation is computed in a vintage. */
public enum AllocationMethod {
    /** Output × category benchmark, with the power-sector corrections. */
    BENCHMARK,
    /** Allocation equals the verified emissions (steel, cement, aluminium in 2024). */
    VERIFIED_EMISSIONS,
    /**
     * Output × the sector's intensity benchmark per output (steel, cement, aluminium in 2025–2026:
     * "基于碳排放强度控制的思路分配", 003 §2.2.3); MEE publishes the outputs and their benchmarks.
     */
    INTENSITY
}
