package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi.AccountView;
import cn.ets.registry.api.AccountsApi.HoldingView;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountClosure;
import cn.ets.registry.domain.account.Holding;
import java.util.List;
import java.util.Map;

/** An account as the REST contract shows it: its fields and its holdings in product order. */
final class AccountViews {
    private AccountViews() {}

    static AccountView of(Account a, Map<String, Holding> holdings) {
        return of(a, holdings, null);
    }

    /** {@code closure}: what keeps a CLOSURE_PENDING account open, shown while it is pending. */
    static AccountView of(Account a, Map<String, Holding> holdings, AccountClosure closure) {
        return new AccountView(
                a.id(),
                a.type().name(),
                a.name(),
                a.province(),
                a.sector(),
                a.status().name(),
                a.statusReason(),
                holdingViews(holdings),
                null,
                !a.tradingQualificationCancelled(),
                a.restrictedFunctions().isEmpty()
                        ? null
                        : a.restrictedFunctions().stream().map(Enum::name).toList(),
                closure == null || closure.closable() ? null : closure.pending());
    }

    static List<HoldingView> holdingViews(Map<String, Holding> holdings) {
        return holdings.entrySet().stream()
                .map(e -> new HoldingView(
                        e.getKey(), e.getValue().quantity(), e.getValue().locked()))
                .toList();
    }
}
