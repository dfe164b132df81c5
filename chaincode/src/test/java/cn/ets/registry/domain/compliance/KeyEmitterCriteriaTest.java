package cn.ets.registry.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.policy.SeededParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The roster's criteria: 26,000 tCO2e a year (≈ 10,000 tce; 000 §7, 001 §5) in a sector covered in
 * the vintage (power from 2019; steel, cement, aluminium from 2024: 003 §2.2.1).
 */
class KeyEmitterCriteriaTest {

    @ParameterizedTest(name = "{0} {1} in {2}, {3} t -> {4}")
    @CsvSource({
        "2024, POWER,     26000, ",
        "2024, POWER,     25999, NOT_A_KEY_EMITTER",
        "2024, CEMENT,    30000, ",
        "2023, CEMENT,    30000, NOT_A_KEY_EMITTER", // cement covered from 2024
        "2024, COPPER,    90000, NOT_A_KEY_EMITTER", // reporting only (003 Table 1)
        "2023, POWER,     1000000, ",
    })
    void covered_sector_and_threshold(String vintage, String sector, long emissions, ErrorCode expected) {
        ErrorCode got = null;
        try {
            KeyEmitterCriteria.require("HB-U1", sector, emissions, SeededParameters.forVintage(vintage));
        } catch (DomainException e) {
            got = e.code();
        }
        assertThat(got).isEqualTo(expected);
    }
}
