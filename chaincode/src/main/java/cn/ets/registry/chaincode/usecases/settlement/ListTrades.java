package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.SettlementApi;
import cn.ets.registry.api.SettlementApi.TradeList;
import cn.ets.registry.api.SettlementApi.TradeRow;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.TradeIndex;
import cn.ets.registry.chaincode.state.TradeIndex.IndexedTrade;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trades of a month in the caller's scope: the exchange, the registry and MEE see every trade;
 * a province the trades with an account of its province on either side; a holder its own.
 */
public final class ListTrades implements UseCase<SettlementApi.ListTrades, TradeList> {

    @Override
    public void authorise(Tx tx, SettlementApi.ListTrades c) {
        Actor a = tx.actor();
        boolean ok = a.is(Role.EXCHANGE)
                || a.is(Role.REGISTRY)
                || a.is(Role.MEE)
                || a.is(Role.PROVINCE)
                || (a.role().isHolder() && (c.account() == null || a.holds(c.account())));
        if (!ok) {
            throw Permissions.forbidden(a, "list trades" + (c.account() == null ? "" : " of " + c.account()));
        }
    }

    @Override
    public TradeList execute(Tx tx, SettlementApi.ListTrades c) {
        Actor a = tx.actor();
        Books books = new Books(tx.state());
        Map<String, String> provinces = new HashMap<>();
        List<TradeRow> rows = new ArrayList<>();
        for (IndexedTrade t : new TradeIndex(tx.state()).allTrades(c.yearMonth())) {
            if (c.account() != null
                    && !c.account().equals(t.seller())
                    && !c.account().equals(t.buyer())) {
                continue;
            }
            boolean visible;
            if (a.is(Role.PROVINCE)) {
                visible = a.province().equals(province(books, provinces, t.seller()))
                        || a.province().equals(province(books, provinces, t.buyer()));
            } else if (a.role().isHolder()) {
                visible = a.holds(t.seller()) || a.holds(t.buyer());
            } else {
                visible = true;
            }
            if (visible) {
                rows.add(new TradeRow(
                        t.tradeId(),
                        t.product(),
                        t.seller(),
                        t.buyer(),
                        t.quantity(),
                        t.price(),
                        t.mode(),
                        t.tradedAt(),
                        t.withinBand()));
            }
        }
        return new TradeList(c.month(), rows);
    }

    private static String province(Books books, Map<String, String> cache, String accountId) {
        return cache.computeIfAbsent(
                accountId, id -> books.findAccount(id).map(Account::province).orElse(""));
    }
}
