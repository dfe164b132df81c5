package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.GetPosition;
import cn.ets.registry.api.DvpApi.Position;
import cn.ets.registry.api.DvpApi.PositionLine;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.TradingEligibility;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.ReadAccess;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.product.Product;
import java.util.ArrayList;
import java.util.List;

/**
 * What the exchange needs before it takes an order: whether the holder may trade CEA and CCER now
 * (type, admission, status, qualification), its funds account, and what it holds and has available
 * per product. The exchange and the bank read it, as do those who may read the account.
 */
public final class ReadTradingPosition implements UseCase<GetPosition, Position> {
    private static final Product SOME_CEA = Product.parse("CEA-2024");
    private static final Product SOME_CCER = Product.parse("CCER-1");

    @Override
    public void authorise(Tx tx, GetPosition c) {
        Account account = new Books(tx.state()).account(c.id());
        Actor a = tx.actor();
        if (!a.is(Role.EXCHANGE)
                && !a.is(Role.SETTLEMENT_BANK)
                && !ReadAccess.account(a, account.id(), account.province())) {
            throw Permissions.forbidden(a, "read the trading position of " + c.id());
        }
    }

    @Override
    public Position execute(Tx tx, GetPosition c) {
        Books books = new Books(tx.state());
        SettlementBook book = new SettlementBook(tx.state());
        Account account = books.account(c.id());
        boolean admitted = book.admitted(c.id());
        String cea = TradingEligibility.refusal(account, SOME_CEA, admitted);
        String ccer = TradingEligibility.refusal(account, SOME_CCER, admitted);
        if (cea == null && !account.status().name().equals("ACTIVE")) {
            cea = "its status is " + account.status();
        }
        if (ccer == null && !account.status().name().equals("ACTIVE")) {
            ccer = "its status is " + account.status();
        }
        List<PositionLine> lines = new ArrayList<>();
        books.holdings(c.id())
                .forEach((product, h) -> lines.add(
                        new PositionLine(product, h.quantity(), h.locked() + h.reservedTonnes(), h.available())));
        return new Position(
                account.id(),
                account.type().name(),
                account.status().name(),
                admitted,
                cea == null,
                ccer == null,
                cea,
                ccer,
                book.fundsAccount(c.id())
                        .map(SettlementBook.FundsAccount::reference)
                        .orElse(null),
                lines);
    }
}
