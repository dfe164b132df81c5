package cn.ets.registry.domain.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {

    @ParameterizedTest(name = "{0} -> {1}, vintage {2} ({3}-{4})")
    @CsvSource(
            nullValues = "-",
            value = {
                "CEA-2019-2020,     CEA,  2019-2020, 2019, 2020",
                "CEA-2021,          CEA,  2021,      2021, 2021",
                "CEA-2022,          CEA,  2022,      2022, 2022",
                "CEA-2023,          CEA,  2023,      2023, 2023",
                "CEA-2024,          CEA,  2024,      2024, 2024",
                "CEA-2025,          CEA,  2025,      2025, 2025",
                "CEA-2099,          CEA,  2099,      2099, 2099",
                "CCER-1,            CCER, -,         -,    -",
                "CCER-000000000001, CCER, -,         -,    -",
                "CCER-999999999999, CCER, -,         -,    -"
            })
    void known_formats_parse_with_their_kind_and_vintage(
            String id, Product.Kind kind, String vintage, Integer start, Integer end) {
        Product p = Product.parse(id);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.code()).isEqualTo(id);
        assertThat(p.toString()).isEqualTo(id);
        assertThat(p.isCea()).isEqualTo(kind == Product.Kind.CEA);
        assertThat(p.vintage()).isEqualTo(vintage);
        if (start != null) {
            assertThat(p.vintageStartYear()).isEqualTo(start);
            assertThat(p.vintageEndYear()).isEqualTo(end);
        } else {
            assertThatIllegalStateException().isThrownBy(p::vintageStartYear);
            assertThatIllegalStateException().isThrownBy(p::vintageEndYear);
        }
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "CEA",
                "CEA-",
                "CEA-2019",
                "CEA-2018",
                "CEA-1999",
                "CEA-2100",
                "CEA-20245",
                "cea-2024",
                "CEA-2024 ",
                " CEA-2024",
                "CEA_2024",
                "CEA-2019-2021",
                "CEA-2020-2021",
                "CCER",
                "CCER-",
                "CCER-abc",
                "CCER--1",
                "CCER-1234567890123",
                "ccer-1",
                "EUA-2024",
                "CEA-２０２４"
            })
    void anything_else_is_a_bad_request(String id) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Product.parse(id))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void the_unknown_format_message_says_what_is_expected() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Product.parse("EUA-2024"))
                .withMessageContaining("unknown product format 'EUA-2024'")
                .withMessageContaining("CEA-2019-2020");
    }

    @Test
    void factories_build_the_same_products_as_parsing() {
        assertThat(Product.cea("2024")).isEqualTo(Product.parse("CEA-2024"));
        assertThat(Product.cea("2019-2020")).isEqualTo(Product.parse("CEA-2019-2020"));
        assertThat(Product.ccer(42)).isEqualTo(Product.parse("CCER-42"));
        assertThatExceptionOfType(DomainException.class).isThrownBy(() -> Product.cea("1990"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2019, CEA-2019-2020", "2020, CEA-2019-2020", "2021, CEA-2021", "2024, CEA-2024"})
    void each_calendar_year_has_one_vintage_and_2019_2020_share_theirs(int year, String product) {
        assertThat(Product.ceaOfYear(year).code()).isEqualTo(product);
    }

    @Test
    void cea_2020_is_not_a_product_because_2019_and_2020_form_one_vintage() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> Product.parse("CEA-2020"))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }
}
