package cn.ets.registry.domain.product;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A product held in the registry: one CEA per vintage ({@code CEA-2019-2020}, {@code CEA-2021}, …)
 * or one CCER issuance batch ({@code CCER-<batch>}).
 */
public record Product(Kind kind, String code) {
    public enum Kind {
        CEA,
        CCER
    }

    private static final Pattern CEA = Pattern.compile("CEA-(2019-2020|202[1-9]|20[3-9][0-9])");
    private static final Pattern CCER = Pattern.compile("CCER-[0-9]{1,12}");

    public Product {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
    }

    public static Product parse(String id) {
        if (id == null || id.isBlank()) {
            throw DomainException.badRequest("product is required");
        }
        if (CEA.matcher(id).matches()) {
            return new Product(Kind.CEA, id);
        }
        if (CCER.matcher(id).matches()) {
            return new Product(Kind.CCER, id);
        }
        throw new DomainException(
                ErrorCode.BAD_REQUEST,
                "unknown product format '" + id
                        + "': expected CEA-<vintage> (CEA-2019-2020, CEA-2021 …) or CCER-<batch>");
    }

    public static Product cea(String vintage) {
        return parse("CEA-" + vintage);
    }

    /** A CEA vintage name: {@code 2019-2020}, or a year from 2021 to 2099. */
    public static String requireVintage(String vintage) {
        if (vintage == null || !CEA.matcher("CEA-" + vintage).matches()) {
            throw new DomainException(
                    ErrorCode.BAD_REQUEST,
                    "vintage must be 2019-2020 or a year from 2021 to 2099, got '" + vintage + "'",
                    Map.of("vintage", String.valueOf(vintage)));
        }
        return vintage;
    }

    /** The CEA vintage that covers a calendar year: 2019 and 2020 share one. */
    public static String vintageOfYear(int year) {
        return year == 2019 || year == 2020 ? "2019-2020" : String.valueOf(year);
    }

    public static Product ceaOfYear(int year) {
        return cea(vintageOfYear(year));
    }

    public static Product ccer(long batch) {
        return new Product(Kind.CCER, "CCER-" + batch);
    }

    public boolean isCea() {
        return kind == Kind.CEA;
    }

    /** The CEA vintage ("2019-2020", "2024"); null for a CCER batch. */
    public String vintage() {
        return isCea() ? code.substring(4) : null;
    }

    /** The first calendar year the vintage covers (2019 for 2019-2020). */
    public int vintageStartYear() {
        String v = vintage();
        if (v == null) {
            throw new IllegalStateException(code + " has no vintage");
        }
        return Integer.parseInt(v.substring(0, 4));
    }

    /** The last calendar year the vintage covers (2020 for 2019-2020). */
    public int vintageEndYear() {
        String v = vintage();
        if (v == null) {
            throw new IllegalStateException(code + " has no vintage");
        }
        return Integer.parseInt(v.substring(v.length() - 4));
    }

    @Override
    public String toString() {
        return code;
    }
}
