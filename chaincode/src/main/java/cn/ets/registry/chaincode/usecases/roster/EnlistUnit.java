package cn.ets.registry.chaincode.usecases.roster;

import cn.ets.registry.api.RosterApi.Enlist;
import cn.ets.registry.api.RosterApi.Listed;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.Roster;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.compliance.KeyEmitterCriteria;
import cn.ets.registry.domain.compliance.RosterEntry;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.util.Map;

/**
 * A province lists one of its units on its roster of key emitting units for a year (001 §5: the
 * province reports the units of its region that meet the criteria; 001 §42: and includes one found
 * later), with the figure that qualifies it ({@link KeyEmitterCriteria}). Until the year closes.
 */
public final class EnlistUnit implements UseCase<Enlist, Listed> {

    @Override
    public void authorise(Tx tx, Enlist c) {
        Permissions.requireProvinceOf(tx.actor(), new Books(tx.state()).account(c.unitId()), "list on the roster");
    }

    @Override
    public Listed execute(Tx tx, Enlist c) {
        Account unit = new Books(tx.state()).account(c.unitId()).requireUnit();
        PolicyParameters params = new ParameterBook(tx.state()).forYear(c.year());
        new UnitYears(tx.state()).requireOpen(c.year(), c.unitId(), "its roster can no longer change");
        KeyEmitterCriteria.require(unit.id(), unit.sector(), c.qualifyingEmissions(), params);
        Roster roster = new Roster(tx.state());
        if (roster.find(c.year(), unit.province(), unit.id()).isPresent()) {
            throw new DomainException(
                    ErrorCode.ALREADY_EXISTS,
                    unit.id() + " is already on the " + c.year() + " roster",
                    Map.of("unitId", unit.id(), "year", c.year()));
        }
        roster.save(new RosterEntry(
                c.year(),
                unit.id(),
                unit.province(),
                unit.sector(),
                c.qualifyingEmissions(),
                RosterEntry.BY_PROVINCE,
                tx.txId(),
                tx.time().toString(),
                null));
        return new Listed(
                c.requestId(),
                c.year(),
                unit.id(),
                unit.province(),
                unit.sector(),
                c.qualifyingEmissions(),
                tx.attribution());
    }
}
