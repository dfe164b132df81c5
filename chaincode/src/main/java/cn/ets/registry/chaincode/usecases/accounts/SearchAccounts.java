package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi.AccountList;
import cn.ets.registry.api.AccountsApi.AccountSummary;
import cn.ets.registry.api.AccountsApi.Search;
import cn.ets.registry.api.ComplianceApi.ComplianceView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.LedgerState;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists and searches accounts with their holdings (and the units' compliance of a year): MEE and the
 * registry over all accounts, a province over the accounts of its own province (its units).
 */
public final class SearchAccounts implements UseCase<Search, AccountList> {

    @Override
    public void authorise(Tx tx, Search c) {
        Actor a = tx.actor();
        boolean ok = a.is(Role.MEE)
                || a.is(Role.REGISTRY)
                || (a.is(Role.PROVINCE) && (c.province() == null || a.province().equals(c.province())));
        if (!ok) {
            throw Permissions.forbidden(
                    a, "search accounts" + (c.province() == null ? "" : " of province " + c.province()));
        }
    }

    @Override
    public AccountList execute(Tx tx, Search c) {
        String province = tx.actor().is(Role.PROVINCE) ? tx.actor().province() : c.province();
        String q = c.q() == null ? null : c.q().toLowerCase(Locale.ROOT);
        Books books = new Books(tx.state());
        UnitYears years = new UnitYears(tx.state());
        List<AccountSummary> page = new ArrayList<>();
        String next = null;
        for (LedgerState.Entry<Account> e : books.allAccounts()) {
            Account a = e.value();
            if ((c.after() != null && a.id().compareTo(c.after()) <= 0)
                    || (province != null && !province.equals(a.province()))
                    || (c.type() != null && !c.type().equals(a.type().name()))
                    || (c.status() != null && !c.status().equals(a.status().name()))
                    || (q != null
                            && !a.id().toLowerCase(Locale.ROOT).contains(q)
                            && !a.name().toLowerCase(Locale.ROOT).contains(q))) {
                continue;
            }
            if (page.size() == Search.PAGE) {
                next = page.get(page.size() - 1).id();
                break;
            }
            ComplianceView compliance = c.year() != null && a.type() == AccountType.UNIT
                    ? years.find(c.year(), a.id()).map(ComplianceView::of).orElse(null)
                    : null;
            page.add(new AccountSummary(
                    a.id(),
                    a.type().name(),
                    a.name(),
                    a.province(),
                    a.sector(),
                    a.status().name(),
                    AccountViews.holdingViews(books.holdings(a.id())),
                    compliance));
        }
        return new AccountList(page, next);
    }
}
