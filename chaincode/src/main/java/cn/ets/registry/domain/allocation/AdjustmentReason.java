package cn.ets.registry.domain.allocation;

/** Why a unit's free allocation is adjusted by its province (001 §11). */
public enum AdjustmentReason {
    CLOSURE,
    SPLIT,
    MERGER,
    CAPACITY_CHANGE
}
