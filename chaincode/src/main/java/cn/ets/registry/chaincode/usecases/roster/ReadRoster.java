package cn.ets.registry.chaincode.usecases.roster;

import cn.ets.registry.api.RosterApi.Get;
import cn.ets.registry.api.RosterApi.RosterUnit;
import cn.ets.registry.api.RosterApi.RosterView;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.Roster;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.compliance.EmissionsBasis;
import cn.ets.registry.domain.compliance.RosterEntry;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The roster of key emitting units of a year (001 §35 (二), public), with each unit's emissions state. */
public final class ReadRoster implements UseCase.Public<Get, RosterView> {

    @Override
    public RosterView execute(Tx tx, Get c) {
        if (c.province() != null) {
            Account.requireValidProvince(c.province());
        }
        PolicyParameters params = new ParameterBook(tx.state()).forYear(c.year());
        Books books = new Books(tx.state());
        UnitYears years = new UnitYears(tx.state());
        List<RosterUnit> units = new ArrayList<>();
        for (RosterEntry e : new Roster(tx.state()).of(c.year(), c.province())) {
            Optional<UnitYear> uy = years.find(c.year(), e.unitId());
            String emissions = e.succeededBy() != null
                    ? "SUCCEEDED"
                    : uy.map(y -> y.basis() == EmissionsBasis.NOT_ENTERED
                                    ? "NOT_ENTERED"
                                    : y.basis().name())
                            .orElse("MISSING");
            String name = books.findAccount(e.unitId()).map(Account::name).orElse(e.unitId());
            units.add(new RosterUnit(
                    e.unitId(), name, e.province(), e.sector(), e.qualifyingEmissions(), e.listedBy(), emissions));
        }
        return new RosterView(c.year(), c.province(), params.keyEmitterThreshold(), units);
    }
}
