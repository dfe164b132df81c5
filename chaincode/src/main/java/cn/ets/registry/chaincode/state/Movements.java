package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.Tonnes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Every change of every holding, one record per transaction, account and product
 * ({@code mv~account~time~txId~product}), written once and never contended: an account's statement
 * of movements for any period. Books writes it whenever it saves a holding; the function that
 * moved the units and the other account of a transfer are named.
 */
public final class Movements {
    /** UTC with nine fraction digits, so keys sort by time. */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final LedgerState state;

    public Movements(LedgerState state) {
        this.state = state;
    }

    /**
     * One transaction's change to one holding.
     *
     * @param quantity     signed change of all the account holds of the product
     * @param locked       signed change of the locked part
     * @param function     the chaincode function that moved it ({@code settlement:settle}, …)
     * @param counterparty the other account of a transfer, null for an issuance, a surrender's
     *                     cancellation or a lock
     */
    public record Movement(
            String time,
            String txId,
            String function,
            String product,
            long quantity,
            long locked,
            String counterparty) {}

    public static String sortable(Instant t) {
        return SORTABLE.format(t);
    }

    void record(String account, String product, long quantity, long locked, String counterparty) {
        if (quantity == 0 && locked == 0) {
            return;
        }
        String time = sortable(state.stub().getTxTimestamp());
        String txId = state.stub().getTxId();
        String key = state.key(Keys.MOVEMENT, account, time, txId, product);
        Movement before = state.get(key, Movement.class).orElse(null);
        Movement m = before == null
                ? new Movement(time, txId, state.stub().getFunction(), product, quantity, locked, counterparty)
                : new Movement(
                        time,
                        txId,
                        before.function(),
                        product,
                        Tonnes.add(before.quantity(), quantity),
                        Tonnes.add(before.locked(), locked),
                        before.counterparty() != null ? before.counterparty() : counterparty);
        state.put(key, m);
    }

    /** An account's movements, oldest first. */
    public List<Movement> of(String account) {
        return state.scan(Movement.class, Keys.MOVEMENT, account).stream()
                .map(LedgerState.Entry::value)
                .toList();
    }
}
