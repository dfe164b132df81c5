package cn.ets.registry.api;

/** A range of CCER serial numbers, both ends inclusive. */
public record Serials(long serialStart, long serialEnd) {}
