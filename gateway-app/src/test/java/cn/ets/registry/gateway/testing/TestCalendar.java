package cn.ets.registry.gateway.testing;

import static cn.ets.registry.gateway.testing.HttpAssertions.ok;

import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The vintage calendars the HTTP and end-to-end tests need, published by MEE as any vintage is.
 * Deadlines act on the ledger's clock, which on the embedded ledger and on Fabric is the wall clock
 * (December 2026 and later), so a test that records a year's emissions first publishes that
 * vintage's deadlines ahead of today ({@link #open}), and before it closes the year, deadlines that
 * have passed ({@link #close}) — MEE changing what differs, a new version each time.
 */
public final class TestCalendar {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private TestCalendar() {}

    /** Today on the ledger's clock, a Beijing day. */
    public static LocalDate today() {
        return LocalDate.now(BEIJING);
    }

    /**
     * Publishes {@code vintage} if it is not yet (a copy of {@code copyFrom}), with its emissions
     * deadline 60 days and its surrender deadline 120 days from today: emissions can be recorded and
     * surrenders are on time.
     */
    public static void open(RegistryClient api, String vintage, String copyFrom) {
        deadlines(api, vintage, copyFrom, today().plusDays(60), today().plusDays(120));
    }

    /** {@link #open} for a vintage copying the one before it. */
    public static void open(RegistryClient api, String vintage) {
        open(api, vintage, String.valueOf(Integer.parseInt(vintage) - 1));
    }

    /** Deadlines already passed: the year can close, surrenders are late, verified emissions are refused. */
    public static void close(RegistryClient api, String vintage, String emissionsDeadline, String surrenderDeadline) {
        deadlines(api, vintage, null, LocalDate.parse(emissionsDeadline), LocalDate.parse(surrenderDeadline));
    }

    /** MEE publishes the deadlines (and, for a vintage not yet published, copies {@code copyFrom}); the answer's parameters. */
    public static JsonObject deadlines(
            RegistryClient api, String vintage, String copyFrom, LocalDate emissions, LocalDate surrender) {
        JsonObject body = Json.obj(
                "requestId",
                "calendar-" + vintage + "-" + UUID.randomUUID(),
                "emissionsDeadline",
                emissions.toString(),
                "surrenderDeadline",
                surrender.toString());
        Response existing = api.get("auditor", "/api/v1/parameters/" + vintage);
        if (existing.status() == 404) {
            if (copyFrom == null) {
                throw new IllegalStateException("vintage " + vintage + " is not published: name what it copies");
            }
            body.addProperty("copyFrom", copyFrom);
        }
        return ok(api.put("mee", "/api/v1/parameters/" + vintage, body)).json().getAsJsonObject("parameters");
    }
}
