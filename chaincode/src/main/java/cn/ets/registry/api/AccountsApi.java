package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountClosure;
import cn.ets.registry.domain.account.AccountFunction;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.account.EnforcementMeasure;
import cn.ets.registry.domain.account.MeasureType;
import cn.ets.registry.domain.policy.Sector;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Accounts (001 §14): opened by a province (its units) or the registry (other holders); status set by the registry (001 §45). */
public final class AccountsApi {
    private AccountsApi() {}

    /** A unit needs its province and a covered sector; other holders may name a province, and any sector text. */
    public record Open(
            String id,
            AccountType type,
            String name,
            @Omittable String province,
            @Omittable String sector) {
        public Open {
            Account.requireValidId(id);
            if (type.isAuthority()) {
                throw DomainException.badRequest(
                        "authority accounts (MEE, PROVINCE) exist from the start and cannot be opened");
            }
            if (type == AccountType.UNIT) {
                if (province == null) {
                    throw DomainException.badRequest("missing field 'province'");
                }
                if (sector == null) {
                    throw DomainException.badRequest("missing field 'sector'");
                }
                String given = sector;
                if (Arrays.stream(Sector.values()).noneMatch(s -> s.name().equals(given))) {
                    throw DomainException.badRequest("field 'sector' has unknown value '" + sector + "'; allowed: "
                            + Arrays.toString(Sector.values()));
                }
            }
            if (province != null) {
                Account.requireValidProvince(province);
            }
        }
    }

    public record Get(@PathParam String id) {}

    /**
     * CLOSED closes the account if nothing is left in it, else it becomes CLOSURE_PENDING (the answer
     * lists what is left); CLOSURE_PENDING itself is not set directly.
     */
    public record SetStatus(@PathParam String id, @Omittable String requestId, AccountStatus status, String reason) {
        public SetStatus {
            if (status == AccountStatus.CLOSURE_PENDING) {
                throw DomainException.badRequest(
                        "CLOSURE_PENDING follows from asking for CLOSED while something is left in the account");
            }
        }
    }

    public record HoldingView(String product, long quantity, long locked) {}

    /**
     * {@code token}: only in the answer to opening a holder account, the new holder's bearer token.
     * {@code tradingQualified}: false once the registry cancelled its trading qualification (001 §45 (六));
     * {@code restrictedFunctions}: functions restricted by measures; {@code closurePending}: what keeps a
     * CLOSURE_PENDING account open.
     */
    public record AccountView(
            String id,
            String type,
            String name,
            @Omittable String province,
            @Omittable String sector,
            String status,
            @Omittable String statusReason,
            List<HoldingView> holdings,
            @Omittable String token,
            @Omittable Boolean tradingQualified,
            @Omittable List<String> restrictedFunctions,
            @Omittable List<AccountClosure.Pending> closurePending) {

        public AccountView(
                String id,
                String type,
                String name,
                String province,
                String sector,
                String status,
                String statusReason,
                List<HoldingView> holdings,
                String token) {
            this(id, type, name, province, sector, status, statusReason, holdings, token, null, null, null);
        }
    }

    /**
     * A search of accounts (filters combine): a province's units, by type, status, or {@code q} in the id
     * or name (case-insensitive). With {@code year}, each unit's compliance of that year. Pages of
     * {@link #PAGE} accounts in id order; {@code after} is the last id of the page before.
     */
    public record Search(
            @QueryParam String province,
            @QueryParam String type,
            @QueryParam String status,
            @QueryParam String q,
            @QueryParam @Range(min = 2019, max = 2100) Integer year,
            @QueryParam String after) {
        public static final int PAGE = 200;

        public Search {
            if (province != null) {
                Account.requireValidProvince(province);
            }
            if (type != null
                    && Arrays.stream(AccountType.values())
                            .noneMatch(t -> t.name().equals(type))) {
                throw DomainException.badRequest(
                        "type must be one of " + Arrays.toString(AccountType.values()) + ", got '" + type + "'");
            }
            if (status != null
                    && Arrays.stream(AccountStatus.values())
                            .noneMatch(t -> t.name().equals(status))) {
                throw DomainException.badRequest(
                        "status must be one of " + Arrays.toString(AccountStatus.values()) + ", got '" + status + "'");
            }
        }
    }

    /** One account found: its holdings, and its compliance of the year asked for (units only, when recorded). */
    public record AccountSummary(
            String id,
            String type,
            String name,
            @Omittable String province,
            @Omittable String sector,
            String status,
            List<HoldingView> holdings,
            @Omittable ComplianceApi.ComplianceView compliance) {}

    /** {@code next}: the {@code after} of the next page, absent on the last page. */
    public record AccountList(
            List<AccountSummary> accounts, @Omittable String next) {}

    /** A holder's statement for a period of Beijing calendar days ({@code from}, {@code to} inclusive, YYYY-MM-DD). */
    public record Statement(
            @PathParam String id,
            @QueryParam String from,
            @QueryParam String to) {
        public Statement {
            LocalDate f = date("from", from);
            LocalDate t = date("to", to);
            if (f != null && t != null && t.isBefore(f)) {
                throw DomainException.badRequest("to (" + to + ") is before from (" + from + ")");
            }
        }

        public LocalDate fromDate() {
            return date("from", from);
        }

        public LocalDate toDate() {
            return date("to", to);
        }

        private static LocalDate date(String name, String value) {
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw DomainException.badRequest(name + " must be a date YYYY-MM-DD, got '" + value + "'");
            }
        }
    }

    /** One change of one holding: signed quantity and locked part, by which function, with which other account. */
    public record MovementView(
            String time,
            String txId,
            String function,
            String product,
            long quantity,
            long locked,
            @Omittable String counterparty) {}

    /** {@code opening}: holdings before {@code from}; {@code closing}: after {@code to}. */
    public record StatementView(
            String account,
            @Omittable String from,
            @Omittable String to,
            List<HoldingView> opening,
            List<MovementView> movements,
            List<HoldingView> closing) {}

    /** An enforcement measure of 001 §45; SUSPEND_BUSINESS and RESTRICT_FUNCTIONS name {@code functions}. */
    public record ApplyMeasure(
            @PathParam String id,
            String requestId,
            MeasureType measure,
            String reason,
            String legalBasis,
            @Omittable List<String> functions) {
        public ApplyMeasure {
            if (reason.isBlank() || legalBasis.isBlank()) {
                throw DomainException.badRequest("a measure states its reason and its legal basis");
            }
            functionsOf(functions);
        }

        public List<AccountFunction> functionList() {
            return functionsOf(functions);
        }

        private static List<AccountFunction> functionsOf(List<String> names) {
            if (names == null) {
                return List.of();
            }
            return names.stream()
                    .map(n -> Arrays.stream(AccountFunction.values())
                            .filter(f -> f.name().equals(n))
                            .findFirst()
                            .orElseThrow(() -> DomainException.badRequest("functions: unknown function '" + n
                                    + "'; allowed: " + Arrays.toString(AccountFunction.values()))))
                    .toList();
        }
    }

    public record LiftMeasure(
            @PathParam String id, @PathParam String measureId, String requestId, String reason) {}

    public record MeasureChanged(
            String requestId,
            EnforcementMeasure measure,
            AccountView account,
            @Flatten Attribution attribution) {}

    public record GetMeasures(@PathParam String id) {}

    public record MeasureList(String account, List<EnforcementMeasure> measures) {}

    /** Why a unit is taken over (001 §11): a merger into the successor, an acquisition, or a split-off of the whole. */
    public enum SuccessionReason {
        MERGER,
        ACQUISITION,
        SPLIT
    }

    /** The province hands a unit's holdings, obligations, debts and carry-over history to its successor. */
    public record Succeed(
            @PathParam String id,
            String requestId,
            String successor,
            SuccessionReason reason,
            @Omittable String note) {}

    /** What moved: holdings, the years whose obligations moved, the allocation debt and the carry-over used. */
    public record Succeeded(
            String requestId,
            String predecessor,
            String successor,
            String reason,
            List<HoldingView> holdings,
            List<Integer> years,
            long debt,
            long carryOverUsed,
            @Flatten Attribution attribution) {}

    /**
     * The event of a status change (001 §45 enforcement measure): from what, to what, why; the
     * account's type and province say who may read it in the event stream.
     */
    public record StatusChanged(
            String id, String type, @Omittable String province, String previous, String status, String reason) {}
}
