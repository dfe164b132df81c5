package cn.ets.registry.chaincode.usecases.cancellation;

import cn.ets.registry.api.CancellationApi.Cancellations;
import cn.ets.registry.api.CancellationApi.ListAll;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CancellationRecords;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;

/** The public record of every voluntary cancellation (001 §15, §35); an individual is not named (personal data). */
public final class ListCancellations implements UseCase.Public<ListAll, Cancellations> {

    @Override
    public Cancellations execute(Tx tx, ListAll c) {
        Books books = new Books(tx.state());
        return new Cancellations(new CancellationRecords(tx.state())
                .all().stream()
                        .map(r -> r.inPublic(books.account(r.account()).type()))
                        .toList());
    }
}
