package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.ccer.MonitoringPeriod;
import cn.ets.registry.domain.product.Product;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The CCER registry (003 §2.2.5, §5.2): projects, and issuance per monitoring period as a serial range. */
public final class CcerApi {
    private static final Pattern METHODOLOGY = Pattern.compile("CCER-[0-9]{2}-[0-9]{3}-V[0-9]{2}");

    private CcerApi() {}

    /** {@code methodology} like CCER-14-001-V01; projects inside the ETS boundary cannot offset. */
    public record RegisterProject(
            String id,
            String name,
            String methodology,
            String owner,
            String province,
            @Omittable boolean insideEtsBoundary) {
        public RegisterProject {
            Account.requireValidId(id);
            if (!METHODOLOGY.matcher(methodology).matches()) {
                throw DomainException.badRequest(
                        "methodology must look like CCER-14-001-V01, got '" + methodology + "'");
            }
            Account.requireValidProvince(province);
        }
    }

    public record GetProject(@PathParam String id) {}

    /** {@code legacy}: filed before 2017-03-14, eligible for offsets until 2024-12-31 only. */
    public record Issue(
            String requestId,
            String projectId,
            LocalDate periodStart,
            LocalDate periodEnd,
            String vintage,
            @Quantity long quantity,
            @Omittable boolean legacy) {
        public Issue {
            period(periodStart, periodEnd);
            if (!vintage.matches("20[0-9]{2}")) {
                throw DomainException.badRequest("vintage must be a year such as 2024");
            }
        }

        public MonitoringPeriod period() {
            return period(periodStart, periodEnd);
        }

        private static MonitoringPeriod period(LocalDate start, LocalDate end) {
            return new MonitoringPeriod(start, end);
        }
    }

    public record Issued(
            String requestId,
            String product,
            String projectId,
            long quantity,
            long serialStart,
            long serialEnd,
            String owner,
            LocalDate periodStart,
            LocalDate periodEnd,
            boolean legacy,
            @Flatten Attribution attribution) {}

    public record GetBatch(@PathParam Product product) {
        public GetBatch {
            if (product.isCea()) {
                throw DomainException.badRequest(product + " is not a CCER batch");
            }
        }
    }
}
