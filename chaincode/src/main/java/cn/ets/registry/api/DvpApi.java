package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.dvp.Reservation;
import cn.ets.registry.domain.dvp.Reversal;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.settlement.TradeMode;
import cn.ets.registry.domain.settlement.TradePrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Settlement with the settlement bank (001 §21; 000 §18; 003 §2.3.2): delivery versus payment,
 * pre-trade reservations, the daily statement and its reconciliation, reversals, and what the
 * exchange may know of a holder before it trades (available units, admission, funds account).
 */
public final class DvpApi {
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    private DvpApi() {}

    /**
     * A matched trade posted for DvP settlement. {@code cutOff} (ISO-8601 with offset) defaults to 17:00
     * Beijing time of the trading day; {@code reservationId} names the seller's reservation the units
     * come from (then the trade cannot fail for lack of units).
     */
    public record Post(
            String tradeId,
            Product product,
            String seller,
            String buyer,
            @Quantity long quantity,
            BigDecimal price,
            TradeMode mode,
            String tradedAt,
            @Omittable String cutOff,
            @Omittable String reservationId) {
        public Post {
            price = TradePrice.require(price);
            dateTime("tradedAt", tradedAt);
            if (cutOff != null) {
                dateTime("cutOff", cutOff);
            }
        }

        public OffsetDateTime tradedAtTime() {
            return dateTime("tradedAt", tradedAt);
        }

        public OffsetDateTime cutOffTime() {
            return cutOff == null ? null : dateTime("cutOff", cutOff);
        }
    }

    /** An ISO-8601 date-time with offset between the years 2000 and 2100 (a trade's time, a cut-off). */
    static OffsetDateTime dateTime(String field, String s) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(s);
            if (t.getYear() < 2000 || t.getYear() > 2100) {
                throw DomainException.badRequest(field + " must lie between the years 2000 and 2100, got " + s);
            }
            return t;
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest(
                    field + " must be an ISO-8601 date-time with offset, e.g. 2025-12-15T10:30:00+08:00");
        }
    }

    static LocalDate parseDay(String s) {
        try {
            if (s == null || s.length() != 10) {
                throw new DateTimeParseException("not YYYY-MM-DD", String.valueOf(s), 0);
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("day must be YYYY-MM-DD, got '" + s + "'");
        }
    }

    /** The bank confirms the buyer's funds moved to the seller ({@code fundsRef}: its transfer's reference). */
    public record Confirm(@PathParam String tradeId, String requestId, String fundsRef) {
        public Confirm {
            if (fundsRef.isBlank()) {
                throw DomainException.badRequest("fundsRef must not be blank");
            }
        }
    }

    /** The bank refuses the funds leg, with its reason. */
    public record Refuse(@PathParam String tradeId, String requestId, String reason) {
        public Refuse {
            if (reason.isBlank()) {
                throw DomainException.badRequest("reason must not be blank");
            }
        }
    }

    /** The cut-off of a settlement day (YYYY-MM-DD) has passed: every trade of it still POSTED fails. */
    public record CutOff(String requestId, String day) {
        public CutOff {
            parseDay(day);
        }

        public LocalDate settlementDay() {
            return parseDay(day);
        }
    }

    public record Get(@PathParam String tradeId) {}

    /**
     * A DvP trade. {@code status} POSTED, SETTLED or FAILED ({@code failure} BANK_REFUSED or CUT_OFF,
     * {@code reason}); {@code fundsConfirmed} is true exactly when the units were delivered.
     */
    public record DvpView(
            String tradeId,
            String status,
            String product,
            String seller,
            String buyer,
            long quantity,
            BigDecimal price,
            BigDecimal amount,
            String mode,
            String tradedAt,
            String settlementDay,
            String cutOff,
            boolean fundsConfirmed,
            @Omittable String fundsRef,
            @Omittable String reservationId,
            @Omittable String failure,
            @Omittable String reason,
            @Omittable String sellerFundsAccount,
            @Omittable String buyerFundsAccount,
            @Omittable String sellerProvince,
            @Omittable String buyerProvince) {
        public static DvpView of(
                DvpTrade t, String sellerFunds, String buyerFunds, String sellerProvince, String buyerProvince) {
            return new DvpView(
                    t.tradeId(),
                    t.status(),
                    t.product(),
                    t.seller(),
                    t.buyer(),
                    t.quantity(),
                    t.price(),
                    t.amount(),
                    t.mode(),
                    t.tradedAt(),
                    t.settlementDay(),
                    t.cutOff().toString(),
                    t.fundsRef() != null,
                    t.fundsRef(),
                    t.reservationId(),
                    t.failure(),
                    t.reason(),
                    sellerFunds,
                    buyerFunds,
                    sellerProvince,
                    buyerProvince);
        }
    }

    /** A DvP trade after a step, with who took it. */
    public record DvpStep(@Flatten DvpView trade, @Flatten Attribution attribution) {}

    /** The trades a cut-off failed. */
    public record CutOffDone(
            String day, List<DvpView> failed, @Flatten Attribution attribution) {}

    // ---- reservations ----

    /** The exchange reserves a seller's units for a sell order ({@code reservationId}: its own id for it). */
    public record Reserve(
            String reservationId,
            String account,
            Product product,
            @Quantity long quantity,
            String orderRef) {
        public Reserve {
            if (orderRef.isBlank()) {
                throw DomainException.badRequest("orderRef must not be blank");
            }
        }
    }

    /** The order is cancelled: the reservation is reduced by {@code quantity}, or released in full when left out. */
    public record Reduce(
            @PathParam String reservationId,
            String requestId,
            @Omittable @Quantity Long quantity) {}

    public record GetReservation(@PathParam String reservationId) {}

    public record ReservationView(
            String reservationId,
            String account,
            String product,
            String orderRef,
            long quantity,
            long filled,
            String status) {
        public static ReservationView of(Reservation r) {
            return new ReservationView(
                    r.reservationId(), r.account(), r.product(), r.orderRef(), r.quantity(), r.filled(), r.status());
        }
    }

    public record ReservationStep(
            @Flatten ReservationView reservation,
            @Flatten Attribution attribution,
            @Omittable Long released) {}

    // ---- what the exchange may know of a holder ----

    public record GetPosition(@PathParam String id) {}

    /** One product: everything held, the locked part (pledges, freezes, reservations, posted trades) and what is available. */
    public record PositionLine(String product, long quantity, long locked, long available) {}

    /** Whether the holder may trade CEA and CCER now (and why not), its funds account, and its holdings. */
    public record Position(
            String account,
            String type,
            String status,
            boolean admitted,
            boolean mayTradeCea,
            boolean mayTradeCcer,
            @Omittable String ceaRefusal,
            @Omittable String ccerRefusal,
            @Omittable String fundsAccount,
            List<PositionLine> holdings) {}

    /** The settlement bank records the holder's funds account with it (its own reference). */
    public record SetFundsAccount(@PathParam String id, String requestId, String reference) {
        public SetFundsAccount {
            if (reference.isBlank()) {
                throw DomainException.badRequest("reference must not be blank");
            }
        }
    }

    public record FundsAccountSet(
            String account,
            String reference,
            String bank,
            @Flatten Attribution attribution) {}

    /** The registry admits an institution to the CEA market (or withdraws the admission), with its reason. */
    public record Admit(@PathParam String id, String requestId, boolean admitted, String reason) {
        public Admit {
            if (reason.isBlank()) {
                throw DomainException.badRequest("reason must not be blank");
            }
        }
    }

    public record Admission(
            String account,
            boolean admitted,
            String reason,
            @Flatten Attribution attribution) {}

    // ---- statement and reconciliation ----

    public record GetStatement(@PathParam String day) {
        public GetStatement {
            parseDay(day);
        }
    }

    /** One total of the statement or of a participant's report: kind DVP or SINGLE_STEP, a trade mode, a status. */
    public record Total(String kind, String mode, String status, long count, long tonnes, BigDecimal amount) {}

    public record ParticipantTotal(String account, String status, long count, long tonnes, BigDecimal amount) {}

    public record StatementLine(
            String tradeId,
            String kind,
            String mode,
            String status,
            String seller,
            String buyer,
            long quantity,
            BigDecimal amount) {}

    /** The daily settlement statement (结算日报). */
    public record Statement(
            String day, List<Total> totals, List<ParticipantTotal> participants, List<StatementLine> trades) {}

    /** A participant's own total; {@code tonnes} left out when it does not count tonnes (the bank). */
    public record Reported(
            String kind,
            TradeMode mode,
            String status,
            long count,
            @Omittable Long tonnes,
            BigDecimal amount) {
        public Reported {
            if (!kind.equals("DVP") && !kind.equals("SINGLE_STEP")) {
                throw DomainException.badRequest("kind must be DVP or SINGLE_STEP, got '" + kind + "'");
            }
            if (!List.of("SETTLED", "FAILED", "PENDING", "REVERSED").contains(status)) {
                throw DomainException.badRequest(
                        "status must be SETTLED, FAILED, PENDING or REVERSED, got '" + status + "'");
            }
            if (count < 0 || (tonnes != null && tonnes < 0)) {
                throw DomainException.badRequest("count and tonnes must not be negative");
            }
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
                throw DomainException.badRequest(
                        "amount must be yuan, not negative, at most two decimals, got " + amount.toPlainString());
            }
        }
    }

    /** The exchange or the bank reports its totals of a day; the answer lists every difference. */
    public record Reconcile(@PathParam String day, String requestId, List<Reported> totals) {
        public Reconcile {
            parseDay(day);
        }
    }

    public record Difference(
            String kind, String mode, String status, String field, String statement, String reported) {}

    public record Reconciled(
            String day,
            String party,
            boolean matches,
            List<Difference> differences,
            @Flatten Attribution attribution) {}

    // ---- reversals ----

    public record RequestReversal(String requestId, String tradeId, String reason) {
        public RequestReversal {
            if (reason.isBlank()) {
                throw DomainException.badRequest("reason must not be blank");
            }
        }
    }

    public record ApproveReversal(@PathParam String tradeId, String requestId) {}

    public record RefuseReversal(@PathParam String tradeId, String requestId, String reason) {
        public RefuseReversal {
            if (reason.isBlank()) {
                throw DomainException.badRequest("reason must not be blank");
            }
        }
    }

    public record GetReversal(@PathParam String tradeId) {}

    /**
     * A reversal: on approval the units went back from the buyer to the seller in the transaction
     * {@code decidedTx}, and the bank is instructed to return {@code amount} to the buyer.
     */
    public record ReversalView(
            String reversalId,
            String tradeId,
            String product,
            String seller,
            String buyer,
            long quantity,
            BigDecimal amount,
            String reason,
            String status,
            String requestedTx,
            @Omittable String decidedTx,
            @Omittable String refusal,
            @Omittable String sellerProvince,
            @Omittable String buyerProvince) {
        public static ReversalView of(Reversal r, String sellerProvince, String buyerProvince) {
            return new ReversalView(
                    r.reversalId(),
                    r.tradeId(),
                    r.product(),
                    r.seller(),
                    r.buyer(),
                    r.quantity(),
                    r.amount(),
                    r.reason(),
                    r.status(),
                    r.requestedTx(),
                    r.decidedTx(),
                    r.refusal(),
                    sellerProvince,
                    buyerProvince);
        }
    }

    public record ReversalStep(
            @Flatten ReversalView reversal, @Flatten Attribution attribution) {}
}
