package cn.ets.registry.chaincode.usecases.disclosure;

import cn.ets.registry.api.DisclosureApi.ListYears;
import cn.ets.registry.api.DisclosureApi.Years;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import java.util.List;

/** The years for which the public compliance record has units, so a reader knows what to ask for. */
public final class ListComplianceYears implements UseCase.Public<ListYears, Years> {

    @Override
    public Years execute(Tx tx, ListYears c) {
        List<Integer> years = new UnitYears(tx.state()).years();
        return new Years(years);
    }
}
