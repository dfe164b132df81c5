package cn.ets.registry.chaincode.usecases.prices;

import cn.ets.registry.api.PricesApi.CloseView;
import cn.ets.registry.api.PricesApi.Closes;
import cn.ets.registry.api.PricesApi.GetCloses;
import cn.ets.registry.chaincode.state.ClosingPrices;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;

/** Every closing price posted for a product, oldest first: public market information (001 §37). */
public final class ReadClosingPrices implements UseCase.Public<GetCloses, Closes> {

    @Override
    public Closes execute(Tx tx, GetCloses c) {
        return new Closes(
                c.product().code(),
                new ClosingPrices(tx.state())
                        .all(c.product()).stream()
                                .map(p -> new CloseView(p.date().toString(), p.price()))
                                .toList());
    }
}
