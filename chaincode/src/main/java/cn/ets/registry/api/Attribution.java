package cn.ets.registry.api;

/** Who did it, when, in which transaction: recorded with every change and carried by attributed results and every event. */
public record Attribution(String txId, String time, String actor, String org, String role) {}
