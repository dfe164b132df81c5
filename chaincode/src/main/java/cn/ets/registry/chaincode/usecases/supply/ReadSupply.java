package cn.ets.registry.chaincode.usecases.supply;

import cn.ets.registry.api.SupplyApi.Get;
import cn.ets.registry.api.SupplyApi.Supply;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;

/** Supply per product, readable by anyone. */
public final class ReadSupply implements UseCase.Public<Get, Supply> {

    @Override
    public Supply execute(Tx tx, Get c) {
        return new Supply(new Books(tx.state())
                .supply().entrySet().stream()
                        .map(e -> SupplyRows.of(e.getKey(), e.getValue(), null))
                        .toList());
    }
}
