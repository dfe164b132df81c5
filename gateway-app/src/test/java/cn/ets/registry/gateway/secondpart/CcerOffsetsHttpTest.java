package cn.ets.registry.gateway.secondpart;

import static cn.ets.registry.gateway.testing.HttpAssertions.assertSupplyBalanced;
import static cn.ets.registry.gateway.testing.HttpAssertions.created;
import static cn.ets.registry.gateway.testing.HttpAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * POST /ccer/projects, /ccer/issuances; GET /ccer/projects/{id}, /ccer/batches/{product}; CCER
 * through /settlements; surrenders with offsets (year 2024). The gateway's clock is the real one
 * (after 2024), so legacy CCER are ineligible.
 */
class CcerOffsetsHttpTest extends HttpScenario {
    String owner;
    String owner2;
    String u1;
    String u2;
    String wind; // eligible, 1,000 t
    String inside; // project inside the ETS boundary, 500 t
    String legacy; // legacy CCER, 300 t

    CcerOffsetsHttpTest() {
        super("CC");
    }

    @Override
    void setUp() {
        owner = open("registry", "PROJECT_OWNER", "CC-PO1", null);
        owner2 = open("registry", "PROJECT_OWNER", "CC-PO2", null);
        u1 = unit("HB", "U1");
        u2 = unit("HB", "U2");
        created(project("CC-WIND", owner, false));
        created(project("CC-CCS", owner2, true));
        created(project("CC-OLD", owner, false));
        wind = created(issue("CC-WIND", "2023-01-01", "2023-12-31", 1_000, false))
                .json()
                .get("product")
                .getAsString();
        inside = created(issue("CC-CCS", "2023-01-01", "2023-12-31", 500, false))
                .json()
                .get("product")
                .getAsString();
        legacy = created(issue("CC-OLD", "2015-01-01", "2015-12-31", 300, true))
                .json()
                .get("product")
                .getAsString();
        created(settle(wind, owner, u1, 300, "60.00", "2025-10-10T10:00:00+08:00"));
        created(settle(inside, owner2, u1, 50, "60.00", "2025-10-10T10:00:00+08:00"));
        created(settle(legacy, owner, u1, 50, "60.00", "2025-10-10T10:00:00+08:00"));
        give("CEA-2024", u1, 3_000);
        created(emissions(u1, 2024, 2_000)); // offset cap 100 t
    }

    Response project(String id, String ownerId, boolean insideBoundary) {
        return c.post(
                "mee",
                "/api/v1/ccer/projects",
                Json.obj(
                        "id",
                        id,
                        "name",
                        "Project " + id,
                        "methodology",
                        "CCER-01-002-V01",
                        "owner",
                        ownerId,
                        "province",
                        "HB",
                        "insideEtsBoundary",
                        insideBoundary));
    }

    Response issue(String projectId, String start, String end, long q, boolean isLegacy) {
        return c.post(
                "mee",
                "/api/v1/ccer/issuances",
                Json.obj(
                        "requestId",
                        id("ccer"),
                        "projectId",
                        projectId,
                        "periodStart",
                        start,
                        "periodEnd",
                        end,
                        "vintage",
                        end.substring(0, 4),
                        "quantity",
                        q,
                        "legacy",
                        isLegacy));
    }

    @Test
    void a_project_is_registered_read_back_and_issued_in_contiguous_serial_ranges() {
        JsonObject p = created(project("CC-SOLAR", owner2, false)).json();
        assertThat(p.get("id").getAsString()).isEqualTo("CC-SOLAR");
        assertThat(ok(c.get("auditor", "/api/v1/ccer/projects/CC-SOLAR"))
                        .json()
                        .get("owner")
                        .getAsString())
                .isEqualTo(owner2);
        JsonObject a = created(issue("CC-SOLAR", "2024-01-01", "2024-03-31", 100, false))
                .json();
        JsonObject b = created(issue("CC-SOLAR", "2024-04-01", "2024-06-30", 40, false))
                .json();
        assertThat(a.get("product").getAsString()).matches("CCER-\\d+");
        assertThat(a.get("owner").getAsString()).isEqualTo(owner2);
        assertThat(a.get("serialEnd").getAsLong() - a.get("serialStart").getAsLong())
                .isEqualTo(99);
        assertThat(b.get("serialStart").getAsLong())
                .isEqualTo(a.get("serialEnd").getAsLong() + 1);
        assertThat(b.get("serialEnd").getAsLong()).isEqualTo(a.get("serialEnd").getAsLong() + 40);
        assertThat(c.holding(owner2, a.get("product").getAsString())).isEqualTo(100);
        JsonObject batch = ok(c.get(
                        "auditor", "/api/v1/ccer/batches/" + b.get("product").getAsString()))
                .json();
        assertThat(batch.get("serialStart").getAsLong())
                .isEqualTo(b.get("serialStart").getAsLong());
        assertThat(c.supplyOf(b.get("product").getAsString()).get("issued").getAsLong())
                .isEqualTo(40);
        assertSupplyBalanced(c);
    }

    @Test
    void bad_project_and_issuance_commands_are_refused_and_change_nothing() {
        for (String body : new String[] {"", "{\"id\":", "[]"}) {
            rejected(400, "BAD_REQUEST", () -> c.send("POST", "/api/v1/ccer/projects", bearer("mee"), body));
            rejected(400, "BAD_REQUEST", () -> c.send("POST", "/api/v1/ccer/issuances", bearer("mee"), body));
        }
        JsonObject valid = Json.obj(
                "id", "CC-NEW", "name", "New", "methodology", "CCER-14-001-V01", "owner", owner, "province", "HB");
        for (String field : new String[] {"id", "name", "methodology", "owner", "province"}) {
            rejected(400, "BAD_REQUEST", () -> c.post("mee", "/api/v1/ccer/projects", Json.without(valid, field)));
        }
        rejected(400, "BAD_REQUEST", () -> c.post("mee", "/api/v1/ccer/projects", Json.with(valid, "owner", u1)));
        rejected(
                404, "NOT_FOUND", () -> c.post("mee", "/api/v1/ccer/projects", Json.with(valid, "owner", "CC-NOBODY")));
        rejected(
                409, "ALREADY_EXISTS", () -> c.post("mee", "/api/v1/ccer/projects", Json.with(valid, "id", "CC-WIND")));
        for (String who : new String[] {"registry", "province-HB", "exchange", owner}) {
            rejected(403, "FORBIDDEN", () -> c.post(who, "/api/v1/ccer/projects", valid));
            rejected(
                    403,
                    "FORBIDDEN",
                    () -> c.post(
                            who,
                            "/api/v1/ccer/issuances",
                            Json.obj(
                                    "requestId",
                                    id("x"),
                                    "projectId",
                                    "CC-WIND",
                                    "periodStart",
                                    "2024-01-01",
                                    "periodEnd",
                                    "2024-01-31",
                                    "vintage",
                                    "2024",
                                    "quantity",
                                    5)));
        }
        rejected(404, "NOT_FOUND", () -> issue("CC-NONE", "2024-01-01", "2024-01-31", 5, false));
        rejected(409, "ALREADY_ISSUED", () -> issue("CC-WIND", "2023-12-01", "2024-01-31", 5, false));
        rejected(400, "INVALID_QUANTITY", () -> issue("CC-WIND", "2024-01-01", "2024-01-31", 0, false));
        rejected(400, "BAD_REQUEST", () -> issue("CC-WIND", "2024-02-01", "2024-01-01", 5, false));
        assertThat(c.get("auditor", "/api/v1/ccer/projects/CC-NONE").status()).isEqualTo(404);
        assertThat(c.get("auditor", "/api/v1/ccer/batches/CCER-99999").status()).isEqualTo(404);
        assertThat(c.get("auditor", "/api/v1/ccer/batches/CEA-2024").status()).isEqualTo(400);
    }

    @Test
    void ccer_settles_between_accounts_through_the_exchange() {
        long before = c.holding(u2, wind);
        created(settle(wind, owner, u2, 30, "55.00", "2025-10-11T10:00:00+08:00"));
        assertThat(c.holding(u2, wind)).isEqualTo(before + 30);
        rejected(409, "NOT_TRADABLE", () -> settle("CEA-2024", u1, owner, 1, "90.00", "2025-10-11T10:00:00+08:00"));
        rejected(
                409,
                "INSUFFICIENT_HOLDINGS",
                () -> settle(wind, u2, owner, before + 31, "55.00", "2025-10-11T10:00:00+08:00"));
    }

    @Test
    void surrenders_accept_exactly_five_percent_in_ccer_and_refuse_one_tonne_more_or_ineligible_ccer() {
        rejected(409, "OFFSET_LIMIT_EXCEEDED", () -> surrender(u1, 2024, "CEA-2024", 1_000, wind, 101));
        rejected(409, "INELIGIBLE_OFFSET", () -> surrender(u1, 2024, "CEA-2024", 1_000, inside, 10));
        rejected(409, "INELIGIBLE_OFFSET", () -> surrender(u1, 2024, legacy, 10));
        rejected(404, "NOT_FOUND", () -> surrender(u1, 2024, "CCER-99999", 10));
        JsonObject r =
                created(surrender(u1, 2024, "CEA-2024", 1_000, wind, 100)).json();
        assertThat(r.getAsJsonObject("compliance").get("offsetUsed").getAsLong())
                .isEqualTo(100);
        JsonObject comp = compliance(2024, u1);
        assertThat(comp.get("offsetUsed").getAsLong()).isEqualTo(100);
        assertThat(comp.get("surrendered").getAsLong()).isEqualTo(1_100);
        assertThat(comp.get("status").getAsString()).isEqualTo("OPEN");
        rejected(409, "OFFSET_LIMIT_EXCEEDED", () -> surrender(u1, 2024, wind, 1));
        JsonObject batch = ok(c.get("auditor", "/api/v1/ccer/batches/" + wind)).json();
        assertThat(batch.getAsJsonArray("retired")
                        .get(0)
                        .getAsJsonObject()
                        .get("serialStart")
                        .getAsLong())
                .as("serials retired from the lowest")
                .isEqualTo(batch.get("serialStart").getAsLong());
        assertSupplyBalanced(c);
    }
}
