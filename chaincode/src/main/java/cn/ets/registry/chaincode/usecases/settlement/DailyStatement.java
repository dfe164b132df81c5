package cn.ets.registry.chaincode.usecases.settlement;

import cn.ets.registry.api.DvpApi.GetStatement;
import cn.ets.registry.api.DvpApi.ParticipantTotal;
import cn.ets.registry.api.DvpApi.Statement;
import cn.ets.registry.api.DvpApi.StatementLine;
import cn.ets.registry.api.DvpApi.Total;
import cn.ets.registry.chaincode.state.SettlementBook;
import cn.ets.registry.chaincode.state.SettlementBook.DayEntry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.dvp.DvpTrade;
import cn.ets.registry.domain.dvp.SettlementStatement;
import cn.ets.registry.domain.dvp.SettlementStatement.Line;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.time.LocalDate;
import java.util.List;

/** The daily settlement statement (结算日报) of a day: to the exchange, the bank, the registry and MEE. */
public final class DailyStatement implements UseCase<GetStatement, Statement> {

    @Override
    public void authorise(Tx tx, GetStatement c) {
        requireParticipant(tx);
    }

    static void requireParticipant(Tx tx) {
        Role r = tx.actor().role();
        if (r != Role.EXCHANGE && r != Role.SETTLEMENT_BANK && r != Role.REGISTRY && r != Role.MEE) {
            throw Permissions.forbidden(tx.actor(), "read the daily settlement statement");
        }
    }

    @Override
    public Statement execute(Tx tx, GetStatement c) {
        List<Line> lines = lines(tx, LocalDate.parse(c.day()));
        return new Statement(
                c.day(),
                SettlementStatement.totals(lines).stream()
                        .map(t -> new Total(t.kind(), t.mode(), t.status(), t.count(), t.tonnes(), t.amount()))
                        .toList(),
                SettlementStatement.perParticipant(lines).stream()
                        .map(p -> new ParticipantTotal(p.account(), p.status(), p.count(), p.tonnes(), p.amount()))
                        .toList(),
                lines.stream()
                        .map(l -> new StatementLine(
                                l.tradeId(),
                                l.kind(),
                                l.mode(),
                                l.status(),
                                l.seller(),
                                l.buyer(),
                                l.quantity(),
                                l.amount()))
                        .toList());
    }

    /** The day's lines: a DvP trade with its current status (POSTED counts as PENDING). */
    static List<Line> lines(Tx tx, LocalDate day) {
        SettlementBook book = new SettlementBook(tx.state());
        return book.day(day).stream()
                .map(e -> new Line(
                        e.tradeId(),
                        e.kind(),
                        e.mode(),
                        status(book, e),
                        e.seller(),
                        e.buyer(),
                        e.quantity(),
                        e.amount()))
                .toList();
    }

    private static String status(SettlementBook book, DayEntry e) {
        if (e.status() != null) {
            return e.status();
        }
        return switch (book.dvp(e.tradeId()).status()) {
            case DvpTrade.SETTLED -> SettlementStatement.SETTLED;
            case DvpTrade.FAILED -> SettlementStatement.FAILED;
            default -> SettlementStatement.PENDING;
        };
    }
}
