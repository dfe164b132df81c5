package cn.ets.registry.chaincode.state;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.Holding;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.supply.SupplyCounters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's books in world state. Key design, for MVCC: one key per account ({@code acct}),
 * one per account and product ({@code hold}), and supply counters kept per product and account
 * ({@code supply~product~account}: the share of the supply that account's issuances, surrenders,
 * cancellations and locks moved) — so settlements never write supply at all, and a change of supply
 * writes only a key of the account whose holding it changes anyway: concurrent surrenders of
 * different units share no key. (A fixed number of shards did not: with 16, two thirds of 300
 * simultaneous surrenders collided, and peers a block apart endorsed different read versions.)
 * Shard keys written by earlier versions ({@code supply~product~00..15}) still count in the sums.
 */
public final class Books {
    private final LedgerState state;

    public Books(LedgerState state) {
        this.state = state;
    }

    public Optional<Account> findAccount(String id) {
        return state.get(state.key(Keys.ACCOUNT, id), Account.class);
    }

    public Account account(String id) {
        return findAccount(id)
                .orElseThrow(() ->
                        new DomainException(ErrorCode.NOT_FOUND, "no account '" + id + "'", Map.of("account", id)));
    }

    public void saveAccount(Account a) {
        state.put(state.key(Keys.ACCOUNT, a.id()), a);
    }

    public List<LedgerState.Entry<Account>> allAccounts() {
        return state.scan(Account.class, Keys.ACCOUNT);
    }

    public Holding holding(String accountId, Product product) {
        return state.get(state.key(Keys.HOLDING, accountId, product.code()), Holding.class)
                .orElse(Holding.EMPTY);
    }

    public void saveHolding(String accountId, Product product, Holding h) {
        saveHolding(accountId, product, h, null);
    }

    /** Saves a holding and journals the change ({@link Movements}), naming the other account of a transfer. */
    private void saveHolding(String accountId, Product product, Holding h, String counterparty) {
        Holding before = holding(accountId, product);
        new Movements(state)
                .record(
                        accountId,
                        product.code(),
                        h.quantity() - before.quantity(),
                        h.locked() - before.locked(),
                        counterparty);
        String key = state.key(Keys.HOLDING, accountId, product.code());
        if (h.isEmpty()) {
            state.delete(key);
        } else {
            state.put(key, h);
        }
    }

    /** product code → holding, in product order. */
    public Map<String, Holding> holdings(String accountId) {
        Map<String, Holding> out = new TreeMap<>();
        for (var e : state.scan(Holding.class, Keys.HOLDING, accountId)) {
            out.put(e.attributes().get(1), e.value());
        }
        return out;
    }

    /** Every holding of every account: the auditor's independent count. */
    public List<LedgerState.Entry<Holding>> allHoldings() {
        return state.scan(Holding.class, Keys.HOLDING);
    }

    public void credit(String accountId, Product p, long q) {
        saveHolding(accountId, p, holding(accountId, p).credit(q));
    }

    public void debit(String accountId, Product p, long q) {
        saveHolding(accountId, p, holding(accountId, p).debit(q, accountId, p.code()));
    }

    /** Moves available units; both sides must already be authorised and checked. */
    public void transfer(String from, String to, Product p, long q) {
        saveHolding(from, p, holding(from, p).debit(q, from, p.code()), to);
        saveHolding(to, p, holding(to, p).credit(q), from);
    }

    /** Sets available units aside for a sell order or a posted DvP trade (held still: supply is not written). */
    public void reserve(String accountId, Product p, long q) {
        saveHolding(accountId, p, holding(accountId, p).reserve(q, accountId, p.code()));
    }

    /** Reserved units are available again. */
    public void unreserve(String accountId, Product p, long q) {
        saveHolding(accountId, p, holding(accountId, p).unreserve(q));
    }

    /** Delivers reserved units of {@code from} to {@code to} (a trade's units, set aside before it settled). */
    public void transferReserved(String from, String to, Product p, long q) {
        saveHolding(from, p, holding(from, p).takeReserved(q), to);
        saveHolding(to, p, holding(to, p).credit(q), from);
    }

    public void changeSupply(Product p, String accountId, SupplyCounters delta) {
        String key = state.key(Keys.SUPPLY, p.code(), accountId);
        SupplyCounters now = state.get(key, SupplyCounters.class).orElse(SupplyCounters.ZERO);
        state.put(key, now.plus(delta));
    }

    /** product code → counters summed over shards. */
    public Map<String, SupplyCounters> supply() {
        Map<String, SupplyCounters> out = new TreeMap<>();
        for (var e : state.scan(SupplyCounters.class, Keys.SUPPLY)) {
            out.merge(e.attributes().get(0), e.value(), SupplyCounters::plus);
        }
        return out;
    }

    /** Accounts opened so far of the authority types (MEE, PROVINCE). */
    public List<String> authorityAccounts() {
        return allAccounts().stream()
                .map(LedgerState.Entry::value)
                .filter(a -> a.type().isAuthority())
                .map(Account::id)
                .toList();
    }
}
