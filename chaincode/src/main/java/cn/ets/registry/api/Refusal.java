package cn.ets.registry.api;

import java.util.Map;

/** Why a command was refused: a stable code, a sentence, and the facts behind it (the error body of every answer). */
public record Refusal(String code, String message, Map<String, Object> details) {}
