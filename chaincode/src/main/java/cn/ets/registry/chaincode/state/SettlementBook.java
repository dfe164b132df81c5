package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.dvp.Reservation;
import cn.ets.registry.domain.dvp.Reversal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settlement with the bank in world state: DvP trades ({@code dvp}), the lines of each settlement
 * day ({@code settleday}, write-only), reservations ({@code rsv}), funds accounts ({@code funds}),
 * CEA admissions ({@code admit}), reversals ({@code reversal}) and reconciliations ({@code recon}).
 * A DvP step touches its trade's key and the two holdings only, so trades of different accounts
 * never conflict.
 */
public final class SettlementBook {
    private final LedgerState state;

    public SettlementBook(LedgerState state) {
        this.state = state;
    }

    /** One line of a settlement day: a single-step trade, a DvP trade (its status read from the trade) or a reversal. */
    public record DayEntry(
            String tradeId,
            String kind,
            String mode,
            String seller,
            String buyer,
            long quantity,
            BigDecimal amount,
            String status) {}

    public static final String DVP = "DVP";
    public static final String SINGLE_STEP = "SINGLE_STEP";

    public Optional<DvpTrade> findDvp(String tradeId) {
        return state.get(state.key(Keys.DVP, tradeId), DvpTrade.class);
    }

    public DvpTrade dvp(String tradeId) {
        return findDvp(tradeId)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND, "no DvP trade '" + tradeId + "'", Map.of("tradeId", tradeId)));
    }

    public void saveDvp(DvpTrade t) {
        state.put(state.key(Keys.DVP, t.tradeId()), t);
    }

    public void recordDay(LocalDate day, DayEntry e) {
        state.put(state.key(Keys.SETTLEMENT_DAY, day.toString(), e.tradeId()), e);
    }

    public List<DayEntry> day(LocalDate day) {
        return state.scan(DayEntry.class, Keys.SETTLEMENT_DAY, day.toString()).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }

    public Optional<Reservation> findReservation(String id) {
        return state.get(state.key(Keys.RESERVATION, id), Reservation.class);
    }

    public Reservation reservation(String id) {
        return findReservation(id)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND, "no reservation '" + id + "'", Map.of("reservationId", id)));
    }

    public void saveReservation(Reservation r) {
        state.put(state.key(Keys.RESERVATION, r.reservationId()), r);
    }

    /** The holder's funds account with the settlement bank: its reference and the bank that recorded it. */
    public record FundsAccount(String account, String reference, String bank) {}

    public Optional<FundsAccount> fundsAccount(String account) {
        return state.get(state.key(Keys.FUNDS_ACCOUNT, account), FundsAccount.class);
    }

    public void saveFundsAccount(FundsAccount f) {
        state.put(state.key(Keys.FUNDS_ACCOUNT, f.account()), f);
    }

    /** The registry's admission of an account to the CEA market, with its reason and transaction. */
    public record AdmissionRecord(String account, boolean admitted, String reason, String txId) {}

    public boolean admitted(String account) {
        return state.get(state.key(Keys.ADMISSION, account), AdmissionRecord.class)
                .map(AdmissionRecord::admitted)
                .orElse(false);
    }

    public void saveAdmission(AdmissionRecord a) {
        state.put(state.key(Keys.ADMISSION, a.account()), a);
    }

    public Optional<Reversal> findReversal(String tradeId) {
        return state.get(state.key(Keys.REVERSAL, tradeId), Reversal.class);
    }

    public Reversal reversal(String tradeId) {
        return findReversal(tradeId)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_FOUND, "no reversal of trade '" + tradeId + "'", Map.of("tradeId", tradeId)));
    }

    public void saveReversal(Reversal r) {
        state.put(state.key(Keys.REVERSAL, r.tradeId()), r);
    }

    public void saveReconciliation(String day, String party, String txId, Object reconciled) {
        state.put(state.key(Keys.RECONCILIATION, day, party, txId), reconciled);
    }
}
