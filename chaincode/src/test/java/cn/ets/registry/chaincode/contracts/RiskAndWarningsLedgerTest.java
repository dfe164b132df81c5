package cn.ets.registry.chaincode.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.chaincode.testing.Parties;
import cn.ets.registry.chaincode.testing.TestIdentity;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compliance risk and warnings on the ledger's clock (issue 11, "deadlines on the ledger's clock";
 * 002: "建立重点排放单位履约风险评估预警和管理制度"). 2025: emissions deadline 2026-08-31, surrender
 * deadline 2026-12-31, warnings 30 days before each. HB-U1 owes 10,000 t and holds 6,000 CEA-2025;
 * HB-U2 is listed with nothing recorded; GD-U1 owes 500 and holds 500.
 */
class RiskAndWarningsLedgerTest extends LedgerScenario {

    @BeforeEach
    void registry() {
        secondPartRegistry();
        today("2026-03-01");
        give("CEA-2025", "HB-U1", 6_000);
        give("CEA-2025", "GD-U1", 500);
        ok(recordEmissions(Parties.HB, "HB-U1", 2025, 10_000));
        ok(enlist(Parties.HB, "HB-U2", 2025, 40_000));
        ok(recordEmissions(Parties.GD, "GD-U1", 2025, 500));
    }

    private static Map<String, JsonObject> byUnit(JsonObject withUnits) {
        Map<String, JsonObject> out = new HashMap<>();
        for (JsonElement e : withUnits.getAsJsonArray("units")) {
            out.put(e.getAsJsonObject().get("unitId").getAsString(), e.getAsJsonObject());
        }
        return out;
    }

    @Test
    void a_unit_and_its_province_see_what_it_owes_against_what_it_holds_and_the_days_left() {
        today("2026-12-01");
        JsonObject u1 = object(ok(risk(HB_U1, "HB-U1", 2025)));
        assertThat(u1.get("owed").getAsLong()).isEqualTo(10_000);
        assertThat(u1.get("eligibleCea").getAsLong()).isEqualTo(6_000);
        assertThat(u1.get("gap").getAsLong()).isEqualTo(4_000);
        assertThat(u1.get("daysToSurrenderDeadline").getAsLong()).isEqualTo(30);
        assertThat(u1.get("risk").getAsString()).isEqualTo("AT_RISK");
        for (TestIdentity who : new TestIdentity[] {Parties.HB, Parties.MEE, Parties.REGISTRY}) {
            assertThat(object(ok(risk(who, "HB-U1", 2025))).get("gap").getAsLong())
                    .isEqualTo(4_000);
        }
        for (TestIdentity who : new TestIdentity[] {Parties.GD, HB_U2, Parties.EXCHANGE, Parties.AUDITOR}) {
            assertThat(risk(who, "HB-U1", 2025).code()).as("%s", who).isEqualTo("FORBIDDEN");
        }
        Map<String, JsonObject> hb = byUnit(object(ok(provinceRisk(Parties.HB, 2025, null))));
        assertThat(hb).containsOnlyKeys("HB-U1", "HB-U2");
        assertThat(hb.get("HB-U2").get("risk").getAsString()).isEqualTo("EMISSIONS_MISSING");
        assertThat(hb.get("HB-U2").get("listed").getAsBoolean()).isTrue();
        assertThat(byUnit(object(ok(provinceRisk(Parties.MEE, 2025, null)))))
                .containsOnlyKeys("HB-U1", "HB-U2", "GD-U1");
        assertThat(byUnit(object(ok(provinceRisk(Parties.REGISTRY, 2025, "GD"))))
                        .get("GD-U1")
                        .get("risk")
                        .getAsString())
                .isEqualTo("COVERED");
        assertThat(provinceRisk(Parties.GD, 2025, "HB").code()).isEqualTo("FORBIDDEN");
        assertThat(provinceRisk(HB_U1, 2025, null).code()).isEqualTo("FORBIDDEN");

        today("2027-01-02");
        assertThat(object(ok(risk(HB_U1, "HB-U1", 2025))).get("risk").getAsString())
                .isEqualTo("OVERDUE");
    }

    @Test
    void warnings_are_issued_within_warning_days_of_a_deadline_once_a_day_as_a_public_event() {
        today("2026-07-31"); // 31 days before the emissions deadline
        assertRejectedWithoutWrites("DEADLINE_NOT_REACHED", () -> warn(Parties.MEE, 2025));
        today("2026-08-01");
        JsonObject e = object(ok(warn(Parties.HB, 2025)));
        assertThat(e.get("scope").getAsString()).isEqualTo("HB");
        assertThat(e.getAsJsonArray("units")).hasSize(1);
        JsonObject w = e.getAsJsonArray("units").get(0).getAsJsonObject();
        assertThat(w.get("unitId").getAsString()).isEqualTo("HB-U2");
        assertThat(w.get("kind").getAsString()).isEqualTo("EMISSIONS");
        assertThat(w.get("daysLeft").getAsLong()).isEqualTo(30);
        assertThat(ledger.events().get(ledger.events().size() - 1).getEventName())
                .isEqualTo("ComplianceWarningIssued");
        assertRejectedWithoutWrites("ALREADY_EXISTS", () -> warn(Parties.HB, 2025));

        today("2026-12-15");
        JsonObject s = object(ok(warn(Parties.REGISTRY, 2025)));
        assertThat(s.get("scope").getAsString()).isEqualTo("ALL");
        Map<String, JsonObject> warned = new HashMap<>();
        for (JsonElement x : s.getAsJsonArray("units")) {
            warned.put(x.getAsJsonObject().get("unitId").getAsString(), x.getAsJsonObject());
        }
        assertThat(warned).containsOnlyKeys("HB-U1", "GD-U1");
        assertThat(warned.get("HB-U1").get("kind").getAsString()).isEqualTo("SURRENDER");
        assertThat(warned.get("HB-U1").get("gap").getAsLong()).isEqualTo(4_000);
        assertThat(warned.get("GD-U1").get("gap").getAsLong()).isZero();
        for (TestIdentity who : new TestIdentity[] {Parties.EXCHANGE, HB_U1, Parties.AUDITOR}) {
            assertRejectedWithoutWrites("FORBIDDEN", () -> warn(who, 2025));
        }
        today("2027-01-01");
        assertRejectedWithoutWrites("DEADLINE_PASSED", () -> warn(Parties.MEE, 2025));
    }
}
