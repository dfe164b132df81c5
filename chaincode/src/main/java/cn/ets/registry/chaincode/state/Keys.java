package cn.ets.registry.chaincode.state;

import cn.ets.registry.api.Command;

/**
 * Every world-state key prefix, in one place. Keys are composite keys ({@link LedgerState#key}),
 * so a prefix is the object type and the attributes follow. Designed for MVCC: what two unrelated
 * accounts do never touches a common key (supply is kept per account, trade indexes are write-only, one key
 * per unit-year).
 */
public final class Keys {
    /** {@code acct~id}: an account. */
    public static final String ACCOUNT = "acct";
    /** {@code hold~account~product}: what an account holds of one product. */
    public static final String HOLDING = "hold";
    /** {@code supply~product~account}: supply counters, the share each account moved (see Books). */
    public static final String SUPPLY = "supply";
    /**
     * {@code req~msp~caller~id} (each caller's own request ids), {@code trade~id}, {@code depositid~unit/month},
     * {@code opening~account}: a command's fingerprint and first result (replays).
     */
    public static final String REQUEST = Command.Replay.REQUESTS;

    public static final String TRADE = Command.Replay.TRADES;
    public static final String DEPOSIT_ID = Command.Replay.DEPOSITS;
    public static final String OPENING = Command.Replay.OPENINGS;
    /** {@code tradeix~CEA|CCER~yyyy-MM~tradeId}: quantity and price of a settled trade (penalty price). */
    public static final String TRADE_INDEX = "tradeix";
    /** {@code flow~account~product~tradeId}: a signed quantity per settled trade (net sales, carry-over). */
    public static final String FLOW = "flow";
    /** {@code carry~unit}: carry-over used so far. */
    public static final String CARRY_OVER = "carry";
    /** {@code debt~unit}: allocation debt over all years. */
    public static final String DEBT = "debt";
    /** {@code oblig~year~unit}: a unit's compliance year. */
    public static final String UNIT_YEAR = "oblig";
    /** {@code closed~year}: MEE closed the compliance year. */
    public static final String YEAR_CLOSED = "closed";
    /** {@code alloc~year~unit}: a unit's free allocation of one year. */
    public static final String ALLOCATION = "alloc";
    /** {@code params~vintage} and {@code paramhist~vintage~version}: policy parameters in force and their history. */
    public static final String PARAMETERS = "params";

    public static final String PARAMETER_HISTORY = "paramhist";
    /** {@code ccerproj~id}, {@code ccerbatch~product}, {@code ccerseq}: the CCER registry. */
    public static final String CCER_PROJECT = "ccerproj";

    public static final String CCER_BATCH = "ccerbatch";
    public static final String CCER_SEQUENCE = "ccerseq";
    /** {@code lock~id}: a pledge or freeze. */
    public static final String LOCK = "lock";
    /** {@code deposit~unit~yyyy-MM}: a monthly key-parameter deposit. */
    public static final String DEPOSIT = "deposit";
    /** {@code cancelrec~txId}: the public record of a voluntary cancellation. */
    public static final String CANCELLATION = "cancelrec";
    /** {@code close~CEA-2025~yyyy-MM-dd}: the exchange's closing price of a product on a trading day. */
    public static final String CLOSING_PRICE = "close";
    /** {@code closeid~CEA-2025/yyyy-MM-dd}: the replay record of a posted close (one per product and day). */
    public static final String CLOSE_ID = Command.Replay.CLOSES;
    /** {@code roster~year~province~unit}: a key emitting unit on a province's roster of a year (名录). */
    public static final String ROSTER = "roster";
    /** {@code measure~account~measureId}: an enforcement measure on an account (001 §45). */
    public static final String MEASURE = "measure";
    /**
     * {@code mv~account~time~txId~product}: one transaction's change of one holding (quantity and
     * locked, signed), written once: an account's statement of movements.
     */
    public static final String MOVEMENT = "mv";
    /** {@code warning~year~scope~yyyy-MM-dd}: compliance warnings issued on a day, scope a province or ALL. */
    public static final String WARNING = "warning";

    /** {@code dvp~tradeId}: a trade settled delivery versus payment, in its current state. */
    public static final String DVP = "dvp";
    /** {@code dvpid~tradeId}: the replay record of a DvP posting (one per trade id, whatever the content). */
    public static final String DVP_ID = Command.Replay.DVP_TRADES;
    /**
     * {@code settleday~yyyy-MM-dd~tradeId}: a trade of a settlement day (DvP or single-step) and an
     * approved reversal ({@code R-tradeId}), written once: the daily statement's lines.
     */
    public static final String SETTLEMENT_DAY = "settleday";
    /** {@code rsv~reservationId}: a pre-trade reservation of a seller's units. */
    public static final String RESERVATION = "rsv";
    /** {@code rsvid~reservationId}: the replay record of a reservation (one per id). */
    public static final String RESERVATION_ID = Command.Replay.RESERVATIONS;
    /** {@code funds~account}: the holder's funds account with the settlement bank. */
    public static final String FUNDS_ACCOUNT = "funds";
    /** {@code admit~account}: the registry's admission of an institution to the CEA market. */
    public static final String ADMISSION = "admit";
    /** {@code reversal~tradeId}: the reversal of a settled trade. */
    public static final String REVERSAL = "reversal";
    /** {@code recon~yyyy-MM-dd~party~txId}: a participant's reconciliation of a day's statement, kept once. */
    public static final String RECONCILIATION = "recon";

    private Keys() {}
}
