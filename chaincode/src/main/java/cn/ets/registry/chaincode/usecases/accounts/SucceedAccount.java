package cn.ets.registry.chaincode.usecases.accounts;

import cn.ets.registry.api.AccountsApi.HoldingView;
import cn.ets.registry.api.AccountsApi.Succeed;
import cn.ets.registry.api.AccountsApi.Succeeded;
import cn.ets.registry.chaincode.state.Allocations;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CarryOverBook;
import cn.ets.registry.chaincode.state.Roster;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.account.Holding;
import cn.ets.registry.domain.allocation.AllocationRecord;
import cn.ets.registry.domain.allocation.ClawBack;
import cn.ets.registry.domain.compliance.Deadlines;
import cn.ets.registry.domain.compliance.EmissionsBasis;
import cn.ets.registry.domain.compliance.RosterEntry;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.product.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Succession (承继) of a key emitting unit that merges into, or is taken over by, another unit of
 * the same province (001 §11 names mergers among the changes its province handles): in one
 * transaction the successor receives every holding, every year's obligation (what was owed,
 * surrendered, offset, deducted and fined adds to its own), the roster listings of open years,
 * the allocation debts and the carry-over history (net sales and carry-over used); the predecessor
 * keeps its figures for the record, marked SUCCEEDED, and is closed with nothing left in it.
 * Locked units must be released or enforced first; a year closed with no emissions entered needs
 * its estimate first.
 */
public final class SucceedAccount implements UseCase<Succeed, Succeeded> {

    @Override
    public void authorise(Tx tx, Succeed c) {
        Books books = new Books(tx.state());
        Permissions.requireProvinceOf(tx.actor(), books.account(c.id()), "hand over a unit");
        Permissions.requireProvinceOf(tx.actor(), books.account(c.successor()), "hand a unit over");
    }

    @Override
    public Succeeded execute(Tx tx, Succeed c) {
        if (c.id().equals(c.successor())) {
            throw DomainException.badRequest("a unit cannot succeed itself");
        }
        Books books = new Books(tx.state());
        Account predecessor = books.account(c.id()).requireUnit();
        Account successor = books.account(c.successor()).requireUnit();
        if (predecessor.status() == AccountStatus.CLOSED) {
            throw new DomainException(
                    ErrorCode.ACCOUNT_NOT_ACTIVE,
                    "account " + predecessor.id() + " is CLOSED for good",
                    Map.of("account", predecessor.id()));
        }
        AccountStatusPolicy.requireCanReceive(successor);

        List<HoldingView> moved = new ArrayList<>();
        for (Map.Entry<String, Holding> h : books.holdings(predecessor.id()).entrySet()) {
            if (h.getValue().locked() > 0) {
                throw new DomainException(
                        ErrorCode.UNITS_LOCKED,
                        predecessor.id() + " has " + h.getValue().locked() + " t of " + h.getKey()
                                + " locked; release or enforce its locks before the succession",
                        Map.of(
                                "account",
                                predecessor.id(),
                                "product",
                                h.getKey(),
                                "locked",
                                h.getValue().locked()));
            }
            books.transfer(
                    predecessor.id(),
                    successor.id(),
                    Product.parse(h.getKey()),
                    h.getValue().quantity());
            moved.add(new HoldingView(h.getKey(), h.getValue().quantity(), 0));
        }

        int last = Deadlines.today(tx.time()).getYear() + 1;
        UnitYears years = new UnitYears(tx.state());
        List<Integer> yearsMoved = new ArrayList<>();
        for (UnitYear theirs : years.ofUnit(predecessor.id(), last)) {
            if (theirs.succeededBy() != null) {
                continue;
            }
            Optional<UnitYear> ours = years.find(theirs.year(), successor.id());
            if (theirs.basis() == EmissionsBasis.NOT_ENTERED
                    || ours.map(o -> o.basis() == EmissionsBasis.NOT_ENTERED).orElse(false)) {
                throw new DomainException(
                        ErrorCode.CONFLICT,
                        "compliance year " + theirs.year() + " closed with no emissions entered; its province records"
                                + " an estimate before the succession",
                        Map.of("year", theirs.year()));
            }
            years.save(ours.map(o -> o.absorb(theirs))
                    .orElseGet(() -> theirs.movedTo(successor.id(), successor.province())));
            years.save(theirs.succeededBy(successor.id()));
            yearsMoved.add(theirs.year());
        }

        Roster roster = new Roster(tx.state());
        Allocations allocations = new Allocations(tx.state());
        long debt = 0;
        for (int year = UnitYears.FIRST_YEAR; year <= last; year++) {
            Optional<RosterEntry> listed =
                    roster.find(year, predecessor.province(), predecessor.id()).filter(e -> e.succeededBy() == null);
            if (!years.yearClosed(year) && listed.isPresent()) {
                roster.save(listed.get().succeeded(successor.id()));
            }
            if (!years.yearClosed(year)
                    && listed.isPresent()
                    && roster.find(year, successor.province(), successor.id()).isEmpty()) {
                roster.save(new RosterEntry(
                        year,
                        successor.id(),
                        successor.province(),
                        successor.sector(),
                        null,
                        RosterEntry.BY_SUCCESSION,
                        tx.txId(),
                        tx.time().toString(),
                        null));
            }
            AllocationRecord theirs = allocations.get(year, predecessor);
            if (theirs.debt() > 0) {
                allocations.save(theirs.withClawBack(0, -theirs.debt()));
                allocations.save(allocations.get(year, successor).withClawBack(0, theirs.debt()));
                debt = Tonnes.add(debt, theirs.debt());
            }
        }
        if (debt > 0) {
            allocations.addDebt(predecessor.id(), -debt);
            allocations.addDebt(successor.id(), debt);
            if (successor.status() == AccountStatus.ACTIVE) {
                books.saveAccount(successor.withStatus(AccountStatus.RESTRICTED, ClawBack.DEBT_RESTRICTION));
            }
        }

        CarryOverBook carry = new CarryOverBook(tx.state());
        long carried = carry.used(predecessor.id());
        carry.moveHistory(predecessor.id(), successor.id());

        books.saveAccount(Closures.closed(
                predecessor,
                Closures.assess(tx, predecessor),
                "succeeded by " + successor.id() + " (" + c.reason() + ")"));
        return new Succeeded(
                c.requestId(),
                predecessor.id(),
                successor.id(),
                c.reason().name(),
                moved,
                yearsMoved,
                debt,
                carried,
                tx.attribution());
    }
}
